import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PedlabError } from '../../../../../main/errors.js';
import { migrations } from '../../../../../main/store/migrations/index.js';
import { ProjectStore } from '../../../../../main/store/projectStore.js';
import { tempDir } from '../../../../helpers/tempDir.js';
import { FIXTURES, fixtureCopy, schemaVersion } from './upgradeFixtures.js';

const MIGRATIONS = fileURLToPath(new URL('../../../../../main/store/migrations/', import.meta.url));
const TESTS = fileURLToPath(new URL('./', import.meta.url));
const fileName = (m: { version: number; name: string }) => `${String(m.version).padStart(3, '0')}_${m.name}`;

describe('the migrations', () => {
  it('are numbered 1, 2, 3, … with one file each, named after the step', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const files = readdirSync(MIGRATIONS).filter((f) => /^\d{3}_/.test(f));
    expect(files).toEqual(migrations.map((m) => `${fileName(m)}.ts`));
  });

  it('each have an upgrade test, and each after the first a fixture of the version before it', () => {
    for (const m of migrations) {
      expect(existsSync(join(TESTS, `${fileName(m)}.test.ts`)), `${fileName(m)}.test.ts`).toBe(true);
      if (m.version > 1) expect(existsSync(join(FIXTURES, `v${m.version - 1}.pedlab`)), `v${m.version - 1}.pedlab`).toBe(true);
    }
  });
});

describe('a database from a newer Pedlab', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('is refused with a message that says so, and left exactly as it was', () => {
    const path = fixtureCopy('newer.pedlab', dir.path);
    const bytes = readFileSync(path);
    const latest = Math.max(...migrations.map((m) => m.version));
    let refusal: unknown;
    try {
      ProjectStore.open(path, { checkIntegrity: true }).close();
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(PedlabError);
    expect(refusal).toMatchObject({
      code: 'store-newer',
      message: `${path} was written by a newer version of Pedlab (schema version 999; this version reads up to ${latest}). Update Pedlab to open this project; the file was not changed.`,
    });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir.path)).toEqual(['newer.pedlab']);
    expect(schemaVersion(path)).toBe(999);
  });
});
