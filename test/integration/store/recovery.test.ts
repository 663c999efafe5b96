import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, ProjectSummary, RecoveryInfo } from '../../../core/ipc/types.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { launchServices } from '../../../main/launch.js';
import { projectDbPathFor } from '../../../main/project/projectService.js';
import { Services } from '../../../main/services.js';
import { listSnapshots, snapshotDir, SNAPSHOTS_KEPT } from '../../../main/store/snapshots.js';
import { damageHeader, damagePages } from '../../helpers/damageDatabase.js';
import { smallImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const draft = (x: number) => ({ categoryId: 1, bbox: [x, 2, 3, 4], area: 12, iscrowd: false, mask: null });

describe('snapshots, damaged databases and restoring', () => {
  let dir: ReturnType<typeof tempDir>;
  let folder: string;
  let dbPath: string;
  let services: Services | null = null;

  async function open(): Promise<Services> {
    await services?.close();
    services = new Services({ host: 'web' });
    await services.openFolder(folder);
    return services;
  }
  async function boxes(n: number, x: number): Promise<void> {
    const s = await open();
    const imageId = s.projects.store.images.all()[0].id;
    const result = await dispatch(s.handlers, 'annotations.commit', { imageId, create: Array.from({ length: n }, () => draft(x)), update: [], delete: [] });
    expect(result.ok).toBe(true);
    await s.close();
    services = null;
  }

  beforeEach(async () => {
    dir = tempDir();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    folder = await smallImages(join(dir.path, 'images'), 3);
    dbPath = projectDbPathFor(folder);
  });
  afterEach(async () => {
    await services?.close();
    services = null;
    dir.remove();
  });

  it('snapshots an existing project when it opens, at most hourly, keeping the newest few', async () => {
    await boxes(2, 1);
    expect(listSnapshots(dbPath)).toHaveLength(0);
    await open();
    expect(listSnapshots(dbPath)).toHaveLength(1);
    await open();
    expect(listSnapshots(dbPath)).toHaveLength(1);

    // Only old snapshots left: the next open takes a new one and keeps the newest few.
    const recent = listSnapshots(dbPath)[0];
    for (let day = 1; day <= SNAPSHOTS_KEPT; day++) copyFileSync(recent.path, join(snapshotDir(dbPath), `2020-01-0${day}T00-00-00-000Z.pedlab`));
    rmSync(recent.path);
    await open();
    const kept = listSnapshots(dbPath).map((s) => s.name);
    expect(kept).toHaveLength(SNAPSHOTS_KEPT);
    expect(kept[0].startsWith('2020')).toBe(false);
    expect(kept.at(-1)).toBe('2020-01-02T00-00-00-000Z.pedlab');
  });

  for (const [kind, damage] of [
    ['fails its integrity check', damagePages],
    ['is not a database at all', damageHeader],
  ] as const) {
    it(`refuses a database that ${kind}, leaves it byte for byte, and offers the newest snapshot`, async () => {
      await boxes(4, 1);
      await open();
      await boxes(1, 9);
      damage(dbPath);
      const damaged = sha(dbPath);

      services = new Services({ host: 'web' });
      await expect(services.openFolder(folder)).rejects.toMatchObject({
        code: 'store-damaged',
        message: expect.stringMatching(/is damaged .*Pedlab has not changed it\. The last snapshot, from \d{4}-.*can be restored .*pedlab restore --project/),
      });
      expect(sha(dbPath)).toBe(damaged);
      const recovery = (await dispatch(services.handlers, 'project.recovery', {})) as Envelope<RecoveryInfo>;
      expect(recovery.ok && recovery.value).toMatchObject({ folder, dbPath, snapshots: [{ name: expect.stringMatching(/\.pedlab$/) }] });
      expect((await dispatch(services.handlers, 'project.current', {})) as Envelope<unknown>).toEqual({ ok: true, value: null });

      const snapshot = recovery.ok ? recovery.value.snapshots[0].name : '';
      const restored = (await dispatch(services.handlers, 'project.restore', { folder, snapshot })) as Envelope<ProjectSummary>;
      expect(restored.ok && restored.value.imageCount).toBe(3);
      const imageId = services.projects.store.images.all()[0].id;
      expect(services.projects.store.annotations.forImage(imageId).map((a) => a.bbox[0])).toEqual([1, 1, 1, 1]);
      expect(services.projects.recovery()).toBeNull();
      const kept = readdirSync(join(dir.path, 'data', 'projects')).filter((n) => n.includes('.replaced-') && !/-(wal|shm)$/.test(n));
      expect(kept).toHaveLength(1);
      expect(sha(join(dir.path, 'data', 'projects', kept[0]))).toBe(damaged);
    });
  }

  it('restores only snapshots the project has, by name, and changes nothing otherwise', async () => {
    await boxes(1, 1);
    const s = await open();
    const before = sha(dbPath);
    for (const snapshot of ['../../etc/passwd', '/tmp/x.pedlab', 'snap.pedlab/../x.pedlab']) {
      expect(await dispatch(s.handlers, 'project.restore', { folder, snapshot })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    // The page may restore only the project found damaged, not one that opened.
    const healthy = await dispatch(s.handlers, 'project.restore', { folder, snapshot: '2020-01-01T00-00-00-000Z.pedlab' });
    expect(healthy).toMatchObject({ ok: false, error: { code: 'restore-refused' } });
    expect(sha(dbPath)).toBe(before);
    expect(existsSync(`${dbPath}.replaced`)).toBe(false);
  });

  it('starts the app with no project, and the recovery offer, when the start-up project is damaged', async () => {
    await boxes(1, 1);
    await open();
    await services!.close();
    services = null;
    damagePages(dbPath);
    services = await launchServices('web', folder);
    expect(services.projects.summary()).toBeNull();
    expect(services.projects.recovery()).toMatchObject({ folder, dbPath, problem: expect.stringMatching(/is damaged/) });
  });
});
