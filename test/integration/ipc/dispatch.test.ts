import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../core/ipc/contract.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { makeImageFolder } from '../../helpers/imageFolder.js';
import { storeFingerprint } from '../../helpers/storeFingerprint.js';
import { tempDir } from '../../helpers/tempDir.js';

const box = { categoryId: 1, bbox: [1, 2, 3, 4], area: 12, iscrowd: false, mask: null };

/** Payloads of the wrong shape, as a page (or anything that reached IPC) could send them; structured clone allows NaN, BigInt, Dates. */
const wrongShapes = (imageId: number, out: string): [string, unknown][] => [
  ['annotations.commit', { imageId, create: [{ ...box, bbox: [NaN, 2, 3, 4] }], update: [], delete: [] }],
  ['annotations.commit', { imageId, create: [{ ...box, bbox: [1, 2, Infinity, 4] }], update: [], delete: [] }],
  ['annotations.commit', { imageId, create: [{ ...box, bbox: [1, 2, -3, 4] }], update: [], delete: [] }],
  ['annotations.commit', { imageId, create: [{ ...box, bbox: [1, 2, 3] }], update: [], delete: [] }],
  ['annotations.commit', { imageId, create: [{ ...box, categoryId: '1' }], update: [], delete: [] }],
  ['annotations.commit', { imageId, create: [{ ...box, script: 'alert(1)' }], update: [], delete: [] }],
  ['annotations.commit', { imageId, create: [{ ...box, mask: { size: [0, 4], counts: '' } }], update: [], delete: [] }],
  ['annotations.commit', { imageId, create: [], update: [{ ...box, id: 1.5 }], delete: [] }],
  ['annotations.commit', { imageId, create: [], update: [], delete: Array.from({ length: 10_001 }, (_, i) => i + 1) }],
  ['annotations.commit', { imageId, create: [box], update: [], delete: [], sql: 'DROP TABLE images' }],
  ['annotations.commit', JSON.parse(`{"imageId": ${imageId}, "create": [], "update": [], "delete": [], "__proto__": {"polluted": true}}`)],
  ['annotations.commit', { imageId: String(imageId), create: [box], update: [], delete: [] }],
  ['annotations.commit', { imageId: BigInt(imageId), create: [box], update: [], delete: [] }],
  ['annotations.commit', { imageId: new Date(), create: [box], update: [], delete: [] }],
  ['annotations.commit', { imageId: 0, create: [box], update: [], delete: [] }],
  ['annotations.commit', [imageId, [box], [], []]],
  ['project.openFolder', { folder: '' }],
  ['project.openFolder', { folder: 'x'.repeat(5000) }],
  ['project.openFolder', { folder: ['/etc'] }],
  ['project.export', { format: 'exe', path: out }],
  ['project.export', { format: 'coco', path: out, force: true }],
  ['project.import', { format: 'xml', path: out }],
  ['project.restore', { folder: '/tmp', snapshot: '../../../etc/passwd' }],
  ['models.add', { path: '' }],
  ['inference.start', { modelIds: [] }],
  ['inference.start', { modelIds: [1], threads: 0 }],
  ['inference.start', { modelIds: Array.from({ length: 9 }, (_, i) => i + 1) }],
  ['predictions.forImage', { imageId }],
];

describe('IPC payload validation at the door', () => {
  const dir = tempDir();
  let services: Services;
  let imageId: number;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    const folder = await makeImageFolder(join(dir.path, 'images'));
    services = new Services({ host: 'web' });
    await services.openFolder(folder.dir);
    imageId = services.projects.store.images.all().find((i) => i.fileName === 'street_01.png')!.id;
    await dispatch(services.handlers, 'annotations.commit', { imageId, create: [box], update: [], delete: [] });
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('refuses a payload of the wrong shape on every channel, and nothing changes', async () => {
    const before = storeFingerprint(services.projects.store);
    for (const channel of channels) {
      for (const payload of ['text', 42, true, [], { unexpected: 1 }]) {
        const envelope = await dispatch(services.handlers, channel, payload);
        expect(envelope, `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      }
    }
    expect(storeFingerprint(services.projects.store)).toBe(before);
  });

  it('refuses wrong values inside well-formed requests, names what is wrong, and nothing changes', async () => {
    const out = join(dir.path, 'export.json');
    const before = storeFingerprint(services.projects.store);
    for (const [channel, payload] of wrongShapes(imageId, out)) {
      const envelope = await dispatch(services.handlers, channel, payload);
      expect(envelope, `${channel} ${String(JSON.stringify(payload, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).slice(0, 120)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringContaining(`Invalid request for "${channel}"`) },
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(storeFingerprint(services.projects.store)).toBe(before);
    expect(existsSync(out)).toBe(false);
    expect((await dispatch(services.handlers, 'inference.status', {})) as unknown).toEqual({ ok: true, value: { runs: [], resultsVersion: 0 } });
    expect((await dispatch(services.handlers, 'project.current', {})) as { value: { imageCount: number } }).toMatchObject({ value: { imageCount: 6 } });
  });

  it('refuses channels the contract does not have', async () => {
    for (const channel of ['fs.readFile', 'shell.openExternal', '__proto__', 'constructor', 'annotations.commit ', '']) {
      expect(await dispatch(services.handlers, channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });
});
