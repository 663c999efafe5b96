import Database from 'better-sqlite3';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { COCO_CLASSES } from '../../core/detect/classes.js';
import type { Annotation, ImageEntry, InferenceRunStatus, InferenceStatus, ModelEntry, ProjectSummary } from '../../core/ipc/types.js';
import { withAnswer } from '../../renderer/src/editor/change.js';
import { sharedFile, YOLOX_NANO } from '../helpers/shared.js';
import { callApi, expect, startApp, stopApp, test, type RunningApp } from './fixtures.js';

const nano = sharedFile(...YOLOX_NANO);
const ROUNDS = 20;
const EDITS = 1000;
const STREAMS = 4;
const IMAGES = 240;

type Draft = { categoryId: number; bbox: number[]; area: number; iscrowd: boolean; mask: null };
type Change = { imageId: number; create: Draft[]; update: (Draft & { id: number })[]; delete: number[] };

/** One image's edits, sent one at a time: what the app acknowledged, and the edit in flight when it died. */
interface Stream {
  imageId: number;
  acked: Annotation[];
  pending: Change | null;
}

const shape = (list: Annotation[]) => JSON.stringify([...list].sort((a, b) => a.id - b.id).map((a) => [a.id, a.categoryId, a.bbox, a.area, a.iscrowd, a.mask]));

/** The image's annotations as the acknowledged edits left them, or with the in-flight edit applied too. */
function allowedStates(stream: Stream, stored: Annotation[]): string[] {
  const states = [shape(stream.acked)];
  const change = stream.pending;
  if (!change) return states;
  const known = new Set(stream.acked.map((a) => a.id));
  if (change.create.length) {
    const fresh = stored.filter((a) => !known.has(a.id));
    if (fresh.length === 1) states.push(shape([...stream.acked, { ...change.create[0], id: fresh[0].id, imageId: stream.imageId } as Annotation]));
  } else if (change.update.length) {
    const u = change.update[0];
    states.push(shape(stream.acked.map((a) => (a.id === u.id ? ({ ...a, ...u } as Annotation) : a))));
  } else {
    states.push(shape(stream.acked.filter((a) => a.id !== change.delete[0])));
  }
  return states;
}

function readStore(dbPath: string, imageIds: number[]): { integrity: string; annotations: Map<number, Annotation[]>; predicted: number } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const annotations = new Map<number, Annotation[]>();
    for (const imageId of imageIds) {
      const rows = db.prepare('SELECT id, image_id, category_id, x, y, w, h, area, iscrowd FROM annotations WHERE image_id = ?').all(imageId) as Record<
        string,
        number
      >[];
      annotations.set(
        imageId,
        rows.map((r) => ({
          id: r.id,
          imageId: r.image_id,
          categoryId: r.category_id,
          bbox: [r.x, r.y, r.w, r.h],
          area: r.area,
          iscrowd: r.iscrowd === 1,
          mask: null,
        })),
      );
    }
    const predicted = (db.prepare('SELECT COUNT(*) AS n FROM prediction_sets').get() as { n: number }).n;
    return { integrity, annotations, predicted };
  } finally {
    db.close();
  }
}

/** With the app down, drops the stored predictions of `count` images, so the next round's run has work again. */
function forgetPredictions(dbPath: string, count: number): number {
  const db = new Database(dbPath);
  try {
    db.exec(`
      CREATE TEMP TABLE forget AS SELECT model_sha256, image_sha256, settings_key FROM prediction_sets ORDER BY random() LIMIT ${count};
      DELETE FROM predictions WHERE (model_sha256, image_sha256, settings_key) IN (SELECT * FROM forget);
      DELETE FROM prediction_sets WHERE (model_sha256, image_sha256, settings_key) IN (SELECT * FROM forget);
    `);
    return (db.prepare('SELECT COUNT(*) AS n FROM prediction_sets').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function streetImages(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const frames = readdirSync(join('samples', 'vtest')).map((f) => join('samples', 'vtest', f));
  for (let i = 0; i < IMAGES; i++) {
    const frame = sharp(frames[i % frames.length])
      .resize(320, 240)
      .modulate({ brightness: 0.7 + (i / IMAGES) * 0.6 });
    await (i % 2 ? frame.flop() : frame).jpeg({ quality: 85 }).toFile(join(dir, `street_${String(i).padStart(3, '0')}.jpg`));
  }
  return dir;
}

test.describe('kill -9 during edits and an inference run', () => {
  test.skip(!nano, 'needs ../shared (YOLOX-Nano)');
  let work: string;

  test.beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'pedlab-crash-'));
    const manifest = join(work, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({ models: [{ name: 'YOLOX-Nano', variant: 'COCO 416', file: nano, kind: 'yolox', input: 'bgr255-letterbox', classes: COCO_CLASSES }] }),
    );
    process.env.PEDLAB_MODELS_MANIFEST = manifest;
  });
  test.afterAll(() => {
    delete process.env.PEDLAB_MODELS_MANIFEST;
    rmSync(work, { recursive: true, force: true });
  });

  test(`${ROUNDS} times: no acknowledged edit is lost, the store stays intact, and the run resumes`, async () => {
    test.setTimeout(420_000);
    const folder = await streetImages(join(work, 'street'));
    const dataDir = join(work, 'data');
    const next = (() => {
      let s = 20240611;
      return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    })();
    let app: RunningApp = await startApp({ project: folder, dataDir });
    const images = await callApi<ImageEntry[]>(app, 'images.list');
    const { dbPath } = (await callApi<ProjectSummary>(app, 'project.current'))!;
    const streams: Stream[] = images.slice(0, STREAMS).map((i) => ({ imageId: i.id, acked: [], pending: null }));
    const figures: string[] = [];
    let predictedBefore = 0;

    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const started = Date.now();
        const { token, origin } = app;
        const post = async <T>(channel: string, body: unknown): Promise<T> => {
          const res = await fetch(`${origin}/api/${channel}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-pedlab-token': token },
            body: JSON.stringify(body),
          });
          const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
          if (!envelope.ok) throw new Error(`${channel}: ${envelope.error!.message}`);
          return envelope.value;
        };

        // The run picks up where the last one died: every image with stored predictions is a cache hit.
        const [model] = await post<ModelEntry[]>('models.list', {});
        await post('inference.start', { modelIds: [model.id], threads: 1 });
        let run: InferenceRunStatus | undefined;
        while (!run || run.state === 'starting') {
          run = (await post<InferenceStatus>('inference.status', {})).runs[0];
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(run.state, run.error ?? '').toMatch(/^(running|done)$/);
        expect(run.cached).toBe(predictedBefore);

        // Four streams of 1,000 edits in all; the app dies after a random number of acknowledgements (early enough
        // that the inference run, which shares the two cores, still has images left in most rounds).
        const killAfter = 100 + Math.floor(next() * (EDITS / 2));
        let acked = 0;
        let killed = false;
        const edit = async (stream: Stream) => {
          while (!killed && acked < EDITS) {
            const draft: Draft = { categoryId: 1, bbox: [Math.floor(next() * 300), Math.floor(next() * 200), 10, 20], area: 200, iscrowd: false, mask: null };
            const roll = next();
            const target = stream.acked[Math.floor(next() * stream.acked.length)];
            const change: Change =
              target && (roll < 0.3 || stream.acked.length > 40)
                ? { imageId: stream.imageId, create: [], update: [], delete: [target.id] }
                : target && roll < 0.6
                  ? { imageId: stream.imageId, create: [], update: [{ ...draft, id: target.id }], delete: [] }
                  : { imageId: stream.imageId, create: [draft], update: [], delete: [] };
            stream.pending = change;
            try {
              const answer = await post<{ stored: Annotation[] }>('annotations.commit', change);
              stream.acked = withAnswer(stream.acked, change.delete, answer.stored);
            } catch (err) {
              if (killed) return;
              throw err;
            }
            stream.pending = null;
            if (++acked === killAfter) {
              killed = true;
              app.process.kill('SIGKILL');
            }
          }
        };
        await Promise.all(streams.map(edit));
        if (app.process.exitCode === null && app.process.signalCode === null) await once(app.process, 'exit');
        expect(killed).toBe(true);

        const stored = readStore(
          dbPath,
          streams.map((s) => s.imageId),
        );
        expect(stored.integrity).toBe('ok');
        for (const stream of streams) {
          const now = stored.annotations.get(stream.imageId)!;
          expect(allowedStates(stream, now), `round ${round}, image ${stream.imageId}`).toContain(shape(now));
          stream.acked = now;
          stream.pending = null;
        }
        expect(stored.predicted).toBeGreaterThanOrEqual(predictedBefore);
        figures.push(
          `round ${round}: run resumed with ${run.cached} cached, killed after ${killAfter} acknowledged edits with ${stored.predicted}/${IMAGES} predicted, ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        predictedBefore = stored.predicted === IMAGES && round < ROUNDS ? forgetPredictions(dbPath, IMAGES / 2) : stored.predicted;
        app = await startApp({ project: folder, dataDir });
      }

      const [model] = await callApi<ModelEntry[]>(app, 'models.list');
      await callApi(app, 'inference.start', { modelIds: [model.id], threads: 2 });
      await expect
        .poll(async () => (await callApi<InferenceStatus>(app, 'inference.status')).runs[0].state, { timeout: 120_000, intervals: [250] })
        .toBe('done');
      const finished = (await callApi<InferenceStatus>(app, 'inference.status')).runs[0];
      expect(finished).toMatchObject({ done: IMAGES, total: IMAGES, cached: predictedBefore, failed: 0 });
      for (const stream of streams) expect(shape(await callApi<Annotation[]>(app, 'annotations.list', { imageId: stream.imageId }))).toBe(shape(stream.acked));
      console.log(
        `crash test:\n  ${figures.join('\n  ')}\n  then the run finished: ${IMAGES - predictedBefore} images left, ${predictedBefore} from the cache`,
      );
    } finally {
      stopApp(app, false);
    }
  });
});
