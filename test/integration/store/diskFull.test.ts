import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InferenceRunStatus, InferenceStatus } from '../../../core/ipc/types.js';
import type { Envelope } from '../../../core/ipc/types.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { registerFakeModel } from '../../helpers/fakeModel.js';
import { useFakeInferenceWorker } from '../../helpers/inferenceWorker.js';
import { smallImages } from '../../helpers/smallImages.js';
import { storeConnection } from '../../helpers/storeConnection.js';
import { storeFingerprint } from '../../helpers/storeFingerprint.js';
import { tempDir } from '../../helpers/tempDir.js';
import { until } from '../../helpers/until.js';

const boxes = (n: number, x = 1) =>
  Array.from({ length: n }, (_, i) => ({ categoryId: 1, bbox: [x, i % 20, 4, 4] as [number, number, number, number], area: 16, iscrowd: false, mask: null }));

async function openProject(root: string, images: number): Promise<{ services: Services; imageId: number }> {
  process.env.PEDLAB_DATA_DIR = join(root, 'data');
  const services = new Services({ host: 'web' });
  await services.openFolder(await smallImages(join(root, 'images'), images));
  return { services, imageId: services.projects.store.images.all()[0].id };
}

const commit = (services: Services, imageId: number, n: number, x?: number) =>
  dispatch(services.handlers, 'annotations.commit', { imageId, create: boxes(n, x), update: [], delete: [] });

describe('a full disk (SQLite max_page_count)', () => {
  const dir = tempDir();
  let services: Services;
  let imageId: number;

  beforeAll(async () => {
    await useFakeInferenceWorker();
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    ({ services, imageId } = await openProject(dir.path, 6));
  });
  afterAll(async () => {
    delete process.env.PEDLAB_TEST_WORKER_BOXES;
    await services?.close();
    dir.remove();
  });

  it('refuses an edit with a clear message, keeps every earlier edit and the file intact, and saves once there is room', async () => {
    const db = storeConnection(services.projects.store);
    expect((await commit(services, imageId, 3)).ok).toBe(true);
    const before = storeFingerprint(services.projects.store);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    const refused = await commit(services, imageId, 3000);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'disk-full', message: expect.stringMatching(/^The disk is full, so this change was not saved\. .*intact\.$/) },
    });
    expect(storeFingerprint(services.projects.store)).toBe(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const listed = (await dispatch(services.handlers, 'annotations.list', { imageId })) as Envelope<unknown[]>;
    expect(listed.ok && listed.value).toHaveLength(3);

    db.pragma('max_page_count = 1073741823');
    expect((await commit(services, imageId, 3000)).ok).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('stops an inference run whose results cannot be stored, says why, and does not take the app down', async () => {
    process.env.PEDLAB_TEST_WORKER_BOXES = '400';
    const modelId = await registerFakeModel(services.projects.store, dir.path, 'fake');
    const db = storeConnection(services.projects.store);
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 2}`);
    await dispatch(services.handlers, 'inference.start', { modelIds: [modelId], threads: 1 });
    let run: InferenceRunStatus | undefined;
    await until('the run to stop', async () => {
      const status = (await dispatch(services.handlers, 'inference.status', {})) as Envelope<InferenceStatus>;
      run = status.ok ? status.value.runs.find((r) => r.modelId === modelId) : undefined;
      return !!run && !['starting', 'running'].includes(run.state);
    });
    expect(run).toMatchObject({ state: 'failed', error: expect.stringMatching(/^The disk is full/) });
    expect(run!.done).toBeLessThan(6);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    db.pragma('max_page_count = 1073741823');
    await dispatch(services.handlers, 'inference.start', { modelIds: [modelId], threads: 1 });
    await until('the resumed run to finish', async () => {
      const status = (await dispatch(services.handlers, 'inference.status', {})) as Envelope<InferenceStatus>;
      run = status.ok ? status.value.runs.find((r) => r.modelId === modelId) : undefined;
      return run?.state === 'done';
    });
    expect(run).toMatchObject({ done: 6, total: 6, failed: 0 });
  });
});

/** A real full file system: a tiny tmpfs, where this machine lets the test mount one (root in a container). */
function mountTmpfs(at: string, size: string): boolean {
  mkdirSync(at, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'pipe' });
    return true;
  } catch (err) {
    console.warn(`skipping the tmpfs disk-full test: cannot mount a tmpfs here (${((err as Error).message.split('\n')[0] ?? '').trim()})`);
    return false;
  }
}

const tmpfsDir = tempDir('pedlab-tmpfs-');
const mounted = mountTmpfs(join(tmpfsDir.path, 'disk'), '3m');

describe.skipIf(!mounted)('a full disk (a 3 MB tmpfs)', () => {
  const root = join(tmpfsDir.path, 'disk');
  let services: Services | null = null;

  afterAll(async () => {
    await services?.close();
    execFileSync('umount', [root]);
    tmpfsDir.remove();
  });

  it('refuses the edit with a clear message; the project reopens intact with every saved edit', async () => {
    let imageId: number;
    ({ services, imageId } = await openProject(root, 4));
    expect((await commit(services, imageId, 5)).ok).toBe(true);
    const filler = join(root, 'filler.bin');
    const { bavail, bsize } = statfsSync(root);
    writeFileSync(filler, Buffer.alloc(bavail * bsize));

    const refused = await commit(services, imageId, 3000, 2);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toMatch(/^disk-(full|error)$/);
    expect(!refused.ok && refused.error.message).toMatch(/this change was not saved.*everything saved before is intact/);

    rmSync(filler);
    await services.close();
    ({ services } = await openProject(root, 4));
    const db = storeConnection(services.projects.store);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(services.projects.store.annotations.forImage(imageId)).toHaveLength(5);
    expect((await commit(services, imageId, 3000, 2)).ok).toBe(true);
  });
});
