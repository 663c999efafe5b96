import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { projectDbPathFor } from '../../../main/project/projectService.js';
import { Services } from '../../../main/services.js';
import { damagePages } from '../../helpers/damageDatabase.js';
import { smallImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';
import { runPedlab as pedlab } from '../../helpers/cli.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function annotationCount(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT COUNT(*) AS n FROM annotations').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('pedlab backup and pedlab restore', () => {
  const dir = tempDir();
  let folder: string;
  let dbPath: string;
  const out = () => join(dir.path, 'backup.pedlab');

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    folder = await smallImages(join(dir.path, 'images'), 2);
    dbPath = projectDbPathFor(folder);
  });
  afterAll(() => dir.remove());

  it('explains its arguments', async () => {
    expect(await pedlab('backup')).toMatchObject({ code: 2, err: expect.stringContaining('--project is required') });
    expect(await pedlab('restore', '--project', folder, 'a', 'b')).toMatchObject({ code: 2, err: expect.stringContaining('at most one FILE') });
    expect(await pedlab('backup', '--project', folder)).toMatchObject({ code: 1, err: expect.stringContaining('has no Pedlab project yet') });
  });

  it('copies a project the app has open, with its latest edits, and never over an existing file', async () => {
    const services = new Services({ host: 'web' });
    await services.openFolder(folder);
    const imageId = services.projects.store.images.all()[0].id;
    const create = Array.from({ length: 7 }, (_, i) => ({ categoryId: 1, bbox: [i, 0, 2, 2], area: 4, iscrowd: false, mask: null }));
    expect((await dispatch(services.handlers, 'annotations.commit', { imageId, create, update: [], delete: [] })).ok).toBe(true);

    const done = await pedlab('backup', '--project', folder, out());
    expect(done).toMatchObject({ code: 0, out: expect.stringContaining(`to ${out()}`) });
    expect(annotationCount(out())).toBe(7);
    const kept = sha(out());
    expect(await pedlab('backup', '--project', folder, out())).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(sha(out())).toBe(kept);

    expect(await pedlab('backup', '--project', folder)).toMatchObject({ code: 0, out: expect.stringMatching(/^Snapshot \S+\.pedlab/) });
    expect((await pedlab('restore', '--project', folder, '--list')).out).toMatch(/^\d{4}-\S+\.pedlab {2}\d{4}-\d\d-\d\dT/);
    await services.close();
  });

  it('refuses to copy a damaged database, and restores the newest sound snapshot in its place', async () => {
    damagePages(dbPath);
    const damaged = sha(dbPath);
    expect(await pedlab('backup', '--project', folder, join(dir.path, 'other.pedlab'))).toMatchObject({ code: 1, err: expect.stringContaining('is damaged') });
    expect(sha(dbPath)).toBe(damaged);

    const restored = await pedlab('restore', '--project', folder);
    expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/Restored .* from .*snapshots.*\n.*kept as .*\.replaced-/) });
    expect(annotationCount(dbPath)).toBe(7);
    const keptAs = /kept as (\S+)\.$/m.exec(restored.out)![1];
    expect(sha(keptAs)).toBe(damaged);
  });

  it('restores a backup file, and refuses one that is damaged, changing nothing', async () => {
    const bad = join(dir.path, 'bad.pedlab');
    copyFileSync(out(), bad);
    damagePages(bad);
    const before = sha(dbPath);
    expect(await pedlab('restore', '--project', folder, bad)).toMatchObject({ code: 1, err: expect.stringContaining('cannot be restored') });
    writeFileSync(join(dir.path, 'text.pedlab'), 'not a database');
    expect(await pedlab('restore', '--project', folder, join(dir.path, 'text.pedlab'))).toMatchObject({ code: 1 });
    expect(sha(dbPath)).toBe(before);

    expect(await pedlab('restore', '--project', folder, out())).toMatchObject({ code: 0 });
    expect(annotationCount(dbPath)).toBe(7);
  });
});
