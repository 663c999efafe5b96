import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/store/database.js';
import type { Migration } from '../../../../main/store/migrations/migration.js';
import { migrations } from '../../../../main/store/migrations/index.js';
import { ProjectStore } from '../../../../main/store/projectStore.js';
import { storeConnection } from '../../../helpers/storeConnection.js';
import { tempDir } from '../../../helpers/tempDir.js';

describe('openDatabase', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('runs each migration exactly once and records the version', () => {
    const path = join(dir.path, 'a.pedlab');
    const steps: Migration[] = [
      { version: 1, name: 'one', up: 'CREATE TABLE runs (n INTEGER) STRICT; INSERT INTO runs VALUES (1);' },
      { version: 2, name: 'two', up: 'INSERT INTO runs VALUES (2);' },
    ];
    openDatabase(path, { migrations: steps.slice(0, 1) }).close();
    const db = openDatabase(path, { migrations: steps });
    expect(db.prepare('SELECT n FROM runs ORDER BY n').all()).toEqual([{ n: 1 }, { n: 2 }]);
    db.close();
    const again = openDatabase(path, { migrations: steps });
    expect(again.prepare('SELECT COUNT(*) AS c FROM runs').get()).toEqual({ c: 2 });
    expect(again.pragma('user_version', { simple: true })).toBe(2);
    again.close();
  });

  it('rolls back every step of a failed migration batch', () => {
    const path = join(dir.path, 'b.pedlab');
    const steps: Migration[] = [
      { version: 1, name: 'ok', up: 'CREATE TABLE t (n INTEGER) STRICT;' },
      { version: 2, name: 'broken', up: 'CREATE TABLE t (n INTEGER) STRICT;' },
    ];
    expect(() => openDatabase(path, { migrations: steps })).toThrow(/already exists/);
    const db = openDatabase(path, { migrations: [] });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS c FROM sqlite_master WHERE name = 't'").get()).toEqual({ c: 0 });
    db.close();
  });

  it('refuses a database from a newer version and leaves the file untouched', () => {
    const path = join(dir.path, 'c.pedlab');
    const future = openDatabase(path, { migrations: [...migrations, { version: 99, name: 'future', up: 'CREATE TABLE f (x INTEGER) STRICT;' }] });
    future.pragma('wal_checkpoint(TRUNCATE)');
    future.close();
    const before = readFileSync(path);
    const latest = migrations[migrations.length - 1].version;
    expect(() => openDatabase(path)).toThrow(`newer version of Pedlab (schema version 99; this version reads up to ${latest})`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('uses WAL, full sync, foreign keys and STRICT tables', () => {
    const db = openDatabase(join(dir.path, 'd.pedlab'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO categories (id, name) VALUES ('x', 'y')").run()).toThrow(/datatype mismatch|cannot store/i);
    db.close();
  });
});

describe('ProjectStore', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('keeps a write after closing and reopening', () => {
    const path = join(dir.path, 'p.pedlab');
    const store = ProjectStore.open(path);
    const imageId = store.images.upsert(
      { path: '/data/a.png', fileName: 'a.png', sha256: 'ab', width: 640, height: 480, orientation: 1, error: null },
      Buffer.from([1, 2, 3]),
    );
    const categoryId = store.categories.ensure('pedestrian');
    store.annotations.insert({ imageId, categoryId, bbox: [10, 20, 30, 40], area: 1200, iscrowd: false, mask: null });
    store.close();

    const reopened = ProjectStore.open(path);
    expect(reopened.images.entries(() => '')).toEqual([
      { id: imageId, fileName: 'a.png', folder: '', width: 640, height: 480, sha256: 'ab', error: null, annotationCount: 1 },
    ]);
    expect(reopened.annotations.forImage(imageId)[0]).toMatchObject({ bbox: [10, 20, 30, 40], area: 1200, iscrowd: false });
    expect(reopened.images.thumbnail(imageId)).toEqual(Buffer.from([1, 2, 3]));
    reopened.close();
  });

  it('deletes an image together with its annotations and thumbnail', () => {
    const store = ProjectStore.open(join(dir.path, 'q.pedlab'));
    const imageId = store.images.upsert(
      { path: '/data/b.png', fileName: 'b.png', sha256: 'cd', width: 10, height: 10, orientation: 1, error: null },
      Buffer.from([9]),
    );
    store.annotations.insert({ imageId, categoryId: store.categories.ensure('pedestrian'), bbox: [0, 0, 1, 1], area: 1, iscrowd: false, mask: null });
    store.images.remove(imageId);
    expect(storeConnection(store).prepare('SELECT (SELECT COUNT(*) FROM annotations) + (SELECT COUNT(*) FROM thumbnails) AS n').get()).toEqual({ n: 0 });
    store.close();
  });
});
