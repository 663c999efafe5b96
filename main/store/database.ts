import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PedlabError } from '../errors.js';
import { migrations as appMigrations } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import { isDamage } from './storeErrors.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** The schema steps to apply; the app's own unless a test supplies others. */
  migrations?: readonly Migration[];
  readonly?: boolean;
  /** Runs PRAGMA integrity_check before anything is written; a damaged file is refused and left as it is. */
  checkIntegrity?: boolean;
}

/**
 * Opens (creating if needed) a project database: WAL, foreign keys, synchronous=FULL, and every pending migration
 * in one transaction. A database written by a newer Pedlab is refused and left untouched.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const steps = options.migrations ?? appMigrations;
  if (!options.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new PedlabError('store-open', `Cannot open project database ${path}: ${(err as Error).message}`);
  }
  try {
    const latest = steps.reduce((max, m) => Math.max(max, m.version), 0);
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new PedlabError(
        'store-newer',
        `${path} was written by a newer version of Pedlab (schema version ${current}; this version reads up to ${latest}). ` +
          'Update Pedlab to open this project; the file was not changed.',
      );
    }
    if (options.checkIntegrity) refuseDamaged(db, path);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, steps, current);
    return db;
  } catch (err) {
    db.close();
    if (isDamage(err)) throw damaged(path, (err as Error).message);
    throw err;
  }
}

function damaged(path: string, problem: string): PedlabError {
  return new PedlabError('store-damaged', `The project database ${path} is damaged (${problem}). Pedlab has not changed it.`);
}

function refuseDamaged(db: Db, path: string): void {
  const rows = db.pragma('integrity_check(5)', { simple: false }) as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check.replace(/\s*\n\s*/g, '; '));
  if (problems.join() !== 'ok') throw damaged(path, `integrity check: ${problems.join('; ')}`);
}

function migrate(db: Db, steps: readonly Migration[], current: number): void {
  const pending = [...steps].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const step of pending) {
      db.exec(step.up);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}
