import type { Prediction } from '../../core/ipc/types.js';
import type { Db } from './database.js';
import { Statements } from './statements.js';

/** What identifies one model's output for one image: the cache key. */
export interface PredictionKey {
  modelSha256: string;
  imageSha256: string;
  settingsKey: string;
}

export interface NewPrediction {
  categoryId: number;
  score: number;
  bbox: [number, number, number, number];
  mask: { size: [number, number]; counts: string } | null;
}

export type RunOutcome = 'done' | 'cancelled' | 'failed';

interface Row {
  id: number;
  category_id: number;
  score: number;
  x: number;
  y: number;
  w: number;
  h: number;
  mask_counts: string | null;
  mask_height: number | null;
  mask_width: number | null;
}

/** Stored detections, keyed by (model file, image content, settings), and the runs that made them. */
export class PredictionsRepository {
  private readonly statements: Statements;

  constructor(private readonly db: Db) {
    this.statements = new Statements(db);
  }

  has(key: PredictionKey): boolean {
    return !!this.statements
      .prepare('SELECT 1 FROM prediction_sets WHERE model_sha256 = ? AND image_sha256 = ? AND settings_key = ?')
      .get(key.modelSha256, key.imageSha256, key.settingsKey);
  }

  /** Replaces the detections stored for a key, in one transaction. */
  save(key: PredictionKey, runId: number | null, ms: number, predictions: readonly NewPrediction[]): void {
    const k = [key.modelSha256, key.imageSha256, key.settingsKey] as const;
    this.db.transaction(() => {
      this.statements.prepare('DELETE FROM predictions WHERE model_sha256 = ? AND image_sha256 = ? AND settings_key = ?').run(...k);
      this.statements
        .prepare(
          `INSERT INTO prediction_sets (model_sha256, image_sha256, settings_key, run_id, detection_count, ms, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT DO UPDATE SET run_id = excluded.run_id, detection_count = excluded.detection_count,
             ms = excluded.ms, created_at = excluded.created_at`,
        )
        .run(...k, runId, predictions.length, ms, new Date().toISOString());
      const insert = this.statements.prepare(
        `INSERT INTO predictions (model_sha256, image_sha256, settings_key, category_id, score, x, y, w, h, mask_counts, mask_height, mask_width)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const p of predictions) {
        insert.run(...k, p.categoryId, p.score, ...p.bbox, p.mask?.counts ?? null, p.mask?.size[0] ?? null, p.mask?.size[1] ?? null);
      }
    })();
  }

  /** The detections stored for a key, best score first. */
  get(key: PredictionKey): Prediction[] {
    const rows = this.statements
      .prepare(
        `SELECT id, category_id, score, x, y, w, h, mask_counts, mask_height, mask_width FROM predictions
         WHERE model_sha256 = ? AND image_sha256 = ? AND settings_key = ? ORDER BY score DESC, id`,
      )
      .all(key.modelSha256, key.imageSha256, key.settingsKey) as Row[];
    return rows.map((r) => ({
      id: r.id,
      categoryId: r.category_id,
      score: r.score,
      bbox: [r.x, r.y, r.w, r.h],
      mask: r.mask_counts !== null && r.mask_height !== null && r.mask_width !== null ? { size: [r.mask_height, r.mask_width], counts: r.mask_counts } : null,
    }));
  }

  startRun(run: { modelId: number; settingsKey: string; provider: string; threads: number; imageCount: number }): number {
    const row = this.statements
      .prepare(
        `INSERT INTO prediction_runs (model_id, settings_key, provider, threads, image_count, started_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(run.modelId, run.settingsKey, run.provider, run.threads, run.imageCount, new Date().toISOString()) as { id: number };
    return row.id;
  }

  finishRun(runId: number, outcome: RunOutcome, doneCount: number, error: string | null = null): void {
    this.statements
      .prepare('UPDATE prediction_runs SET status = ?, done_count = ?, error = ?, finished_at = ? WHERE id = ?')
      .run(outcome, doneCount, error, new Date().toISOString(), runId);
  }

  /** The provider of a model's latest run, if it has one. */
  lastProvider(modelId: number): string | null {
    const row = this.statements.prepare('SELECT provider FROM prediction_runs WHERE model_id = ? ORDER BY id DESC LIMIT 1').get(modelId) as
      { provider: string } | undefined;
    return row?.provider ?? null;
  }

  run(runId: number): { provider: string; status: string; imageCount: number; doneCount: number; threads: number } | undefined {
    return this.statements
      .prepare('SELECT provider, status, image_count AS imageCount, done_count AS doneCount, threads FROM prediction_runs WHERE id = ?')
      .get(runId) as { provider: string; status: string; imageCount: number; doneCount: number; threads: number } | undefined;
  }
}
