import type { ModelKind, ModelSettings } from '../../core/detect/types.js';
import type { Db } from './database.js';
import { Statements } from './statements.js';

export interface ModelRecord {
  name: string;
  variant: string;
  path: string;
  sha256: string;
  kind: ModelKind;
  classes: string[];
  settings: ModelSettings;
  bundled: boolean;
}

export interface StoredModel extends ModelRecord {
  id: number;
}

interface Row {
  id: number;
  name: string;
  variant: string;
  path: string;
  sha256: string;
  kind: string;
  classes: string;
  settings: string;
  bundled: number;
}

function fromRow(r: Row): StoredModel {
  return {
    id: r.id,
    name: r.name,
    variant: r.variant,
    path: r.path,
    sha256: r.sha256,
    kind: r.kind as ModelKind,
    classes: JSON.parse(r.classes) as string[],
    settings: JSON.parse(r.settings) as ModelSettings,
    bundled: r.bundled === 1,
  };
}

/** The detectors a project knows, one per model file. */
export class ModelsRepository {
  private readonly statements: Statements;

  constructor(db: Db) {
    this.statements = new Statements(db);
  }

  /** Adds a model, or refreshes the one already registered for the same file; returns its id. */
  upsert(model: ModelRecord): number {
    const row = this.statements
      .prepare(
        `INSERT INTO models (name, variant, path, sha256, kind, classes, settings, bundled, added_at)
         VALUES (@name, @variant, @path, @sha256, @kind, @classes, @settings, @bundled, @now)
         ON CONFLICT(path) DO UPDATE SET name = excluded.name, variant = excluded.variant, sha256 = excluded.sha256,
           kind = excluded.kind, classes = excluded.classes, settings = excluded.settings, bundled = excluded.bundled
         RETURNING id`,
      )
      .get({
        ...model,
        classes: JSON.stringify(model.classes),
        settings: JSON.stringify(model.settings),
        bundled: model.bundled ? 1 : 0,
        now: new Date().toISOString(),
      }) as { id: number };
    return row.id;
  }

  get(id: number): StoredModel | undefined {
    const row = this.statements.prepare('SELECT * FROM models WHERE id = ?').get(id) as Row | undefined;
    return row && fromRow(row);
  }

  byPath(path: string): StoredModel | undefined {
    const row = this.statements.prepare('SELECT * FROM models WHERE path = ?').get(path) as Row | undefined;
    return row && fromRow(row);
  }

  /** Bundled models first, then the user's in the order they were added. */
  all(): StoredModel[] {
    return (this.statements.prepare('SELECT * FROM models ORDER BY bundled DESC, id').all() as Row[]).map(fromRow);
  }

  setSha256(id: number, sha256: string): void {
    this.statements.prepare('UPDATE models SET sha256 = ? WHERE id = ?').run(sha256, id);
  }
}
