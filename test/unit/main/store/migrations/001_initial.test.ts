import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initial } from '../../../../../main/store/migrations/001_initial.js';
import { migrations } from '../../../../../main/store/migrations/index.js';
import { ProjectStore } from '../../../../../main/store/projectStore.js';
import { tempDir } from '../../../../helpers/tempDir.js';
import { readFile, schemaVersion } from './upgradeFixtures.js';

/** The tables a schema step creates, by name. */
function createdTables(up: string): string[] {
  return [...up.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]).sort();
}

describe('migration 1 (initial) on a version 0 database', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  const latest = Math.max(...migrations.map((m) => m.version));
  const tables = (path: string) =>
    readFile(path, (db) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name));

  it('gives a new project file every table, up to the latest version', () => {
    const path = join(dir.path, 'new.pedlab');
    ProjectStore.open(path).close();
    expect(schemaVersion(path)).toBe(latest);
    expect(tables(path)).toEqual(expect.arrayContaining(createdTables(initial.up)));
  });

  it('gives an empty file (version 0, no tables) the same schema', () => {
    const path = join(dir.path, 'empty.pedlab');
    writeFileSync(path, '');
    ProjectStore.open(path).close();
    expect(schemaVersion(path)).toBe(latest);
    expect(tables(path)).toEqual(expect.arrayContaining(createdTables(initial.up)));
  });
});
