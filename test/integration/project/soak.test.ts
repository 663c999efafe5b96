import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Envelope } from '../../../core/ipc/types.js';
import { predictionKey } from '../../../main/inference/modelSettings.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { checkFile } from '../../../main/store/snapshots.js';
import { registerFakeModel } from '../../helpers/fakeModel.js';
import { writeIndexPng } from '../../helpers/pngWriter.js';
import { smallImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';

const IMAGES = 10_000;
const EDITS = 5_000;
const WARM_UP = 500;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function memory(): { rss: number; heap: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 };
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('soak: a 10,000-image project with two models cached, under 5,000 random edits', () => {
  const dir = tempDir();
  let services: Services;
  let imageIds: number[];
  let modelIds: number[];

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    services = new Services({ host: 'web' });
    await services.openFolder(await smallImages(join(dir.path, 'project'), 1));
    const store = services.projects.store;

    // Ten thousand tiny PNGs, each different, recorded the way a folder scan records them (a scan would probe and
    // thumbnail every file, which takes far longer than this test should).
    const files = join(dir.path, 'many');
    mkdirSync(files);
    const thumbnail = services.thumbnail(store.images.all()[0].id);
    const records = Array.from({ length: IMAGES }, (_, i) => {
      const png = writeIndexPng(
        Array.from({ length: 16 }, (_, k) => (k < 2 ? (i >> (8 * k)) & 0xff : k)),
        4,
        4,
        { depth: 8 },
      );
      const path = join(files, `img_${String(i).padStart(5, '0')}.png`);
      writeFileSync(path, png);
      return { path, fileName: basename(path), sha256: createHash('sha256').update(png).digest('hex'), width: 4, height: 4, orientation: 1, error: null };
    });
    store.transaction(() => records.forEach((r) => store.images.upsert(r, thumbnail)));
    imageIds = store.images.all().map((i) => i.id);

    modelIds = [await registerFakeModel(store, dir.path, 'model-a'), await registerFakeModel(store, dir.path, 'model-b')];
    for (const modelId of modelIds) {
      const model = store.models.get(modelId)!;
      const key = await predictionKey(store, model, '');
      store.transaction(() => {
        for (const r of records) {
          const boxes = [0, 1, 2].map((k) => ({ categoryId: 1, score: 0.9 - k / 10, bbox: [k, k, 2, 2] as [number, number, number, number], mask: null }));
          store.predictions.save({ ...key, imageSha256: r.sha256 }, null, 5, boxes);
        }
      });
    }
  }, 120_000);
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('answers every call, keeps every edit and keeps memory flat', async () => {
    expect(imageIds).toHaveLength(IMAGES + 1);
    const next = random(9);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const expected = new Map<number, number>();
    let failures = 0;
    const call = async <T>(channel: string, request: object): Promise<T> => {
      const envelope = (await dispatch(services.handlers, channel, request)) as Envelope<T>;
      if (!envelope.ok) {
        failures++;
        throw new Error(`${channel}: ${envelope.error.message}`);
      }
      return envelope.value;
    };

    const edit = async (n: number) => {
      const imageId = pick(imageIds);
      const current = await call<Annotation[]>('annotations.list', { imageId });
      const roll = next();
      const box = () => ({ categoryId: 1, bbox: [next() * 3, next() * 3, 1, 1], area: 1, iscrowd: false, mask: null });
      let change = { imageId, create: [box()], update: [] as object[], delete: [] as number[] };
      if (current.length && roll < 0.3) change = { imageId, create: [], update: [{ ...box(), id: pick(current).id }], delete: [] };
      else if (current.length && roll < 0.45) change = { imageId, create: [], update: [], delete: [pick(current).id] };
      const result = await call<{ created: number[] }>('annotations.commit', change);
      expected.set(imageId, current.length + result.created.length - change.delete.length);
      for (const modelId of modelIds) expect(await call<unknown[]>('predictions.forImage', { imageId, modelId })).toHaveLength(3);
      if (n % 250 === 0) expect(await call<unknown[]>('images.list', {})).toHaveLength(IMAGES + 1);
      if (n % 50 === 0) await services.image(imageId);
    };

    const started = Date.now();
    for (let n = 0; n < WARM_UP; n++) await edit(n);
    const before = memory();
    for (let n = WARM_UP; n < EDITS; n++) await edit(n);
    const after = memory();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `soak: ${EDITS} edits on ${IMAGES} images with 2×${IMAGES} cached prediction sets in ${seconds.toFixed(1)} s; ` +
        `after ${WARM_UP} warm-up edits RSS ${before.rss.toFixed(1)} MiB, heap ${before.heap.toFixed(1)} MiB; ` +
        `after ${EDITS}: RSS ${after.rss.toFixed(1)} MiB, heap ${after.heap.toFixed(1)} MiB`,
    );
    expect(failures).toBe(0);
    expect(after.heap - before.heap).toBeLessThan(16);
    expect(after.rss - before.rss).toBeLessThan(64);
    const store = services.projects.store;
    for (const [imageId, count] of expected) expect(store.annotations.forImage(imageId)).toHaveLength(count);
    expect(checkFile(store.path)).toEqual([]);
  }, 300_000);
});
