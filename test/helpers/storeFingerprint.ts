import { createHash } from 'node:crypto';
import type { ProjectStore } from '../../main/store/projectStore.js';
import { storeConnection } from './storeConnection.js';

/** A hash of every row of every table: equal fingerprints mean nothing in the database changed. */
export function storeFingerprint(store: ProjectStore): string {
  const db = storeConnection(store);
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`table ${name}\n`);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
  }
  return hash.digest('hex');
}
