import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The committed databases the upgrade tests start from (written by scripts/storeFixtures.js). */
export const FIXTURES = fileURLToPath(new URL('../../../../fixtures/store/', import.meta.url));

/** A copy of a fixture in `dir`, so that a test never changes the committed file. */
export function fixtureCopy(name: string, dir: string): string {
  const path = join(dir, name);
  copyFileSync(join(FIXTURES, name), path);
  return path;
}

/** Reads a database file through a connection of its own, closed before returning. */
export function readFile<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function schemaVersion(path: string): number {
  return readFile(path, (db) => db.pragma('user_version', { simple: true }) as number);
}

/** Every row of every table, by table name. */
export function tableRows(path: string): Record<string, Record<string, unknown>[]> {
  return readFile(path, (db) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]]));
  });
}

export function columns(path: string, table: string): string[] {
  return readFile(path, (db) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
}

export function uniqueIndexes(path: string, table: string): string[] {
  return readFile(path, (db) => (db.pragma(`index_list(${table})`) as { name: string; unique: number }[]).filter((i) => i.unique).map((i) => i.name));
}

/** Every table and row of `before` is still there after an upgrade, each old column with its old value. */
export function expectRowsKept(before: Record<string, Record<string, unknown>[]>, after: Record<string, Record<string, unknown>[]>): void {
  for (const [table, rows] of Object.entries(before)) {
    expect(after[table], table).toBeDefined();
    const kept = after[table].map((row) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, row[k]])));
    expect(kept, table).toEqual(rows);
  }
}
