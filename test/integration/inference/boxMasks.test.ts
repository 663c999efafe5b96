import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../../core/detect/types.js';
import type { Annotation, BoxMask, MaskFillStatus } from '../../../core/ipc/types.js';
import { rleArea, rleDecode, rleEncode, rleToBbox } from '../../../core/masks/rle.js';
import { rleFromCoco } from '../../../core/masks/rleString.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { fileSha256 } from '../../../main/inference/modelFile.js';
import { Services } from '../../../main/services.js';
import { appRoot } from '../../../main/version.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { registerFakeModel } from '../../helpers/fakeModel.js';
import { pixelIou } from '../../helpers/pixelMasks.js';
import { FUDAN_46, FUDAN_46_MASK, sharedFile } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';
import { until } from '../../helpers/until.js';

type Box = [number, number, number, number];

const mnv3 = join(appRoot(), 'models', 'pedlab_mnv3fpn.onnx');
const fudan = sharedFile(...FUDAN_46);
const fudanMask = sharedFile(...FUDAN_46_MASK);
/** Three walkers of the sample's first frame (its ground truth, samples/vtest_ground_truth.json). */
const WALKERS: Box[] = [
  [282.5, 209.7, 38.6, 90],
  [484.3, 162.9, 33.3, 77.8],
  [591.2, 239.9, 55.1, 85.7],
];

const decode = (m: NonNullable<BoxMask['mask']>) => rleFromCoco(m.size, m.counts);

/** FudanPed00046's pedestrians from its mask PNG: tight boxes and column-major masks. */
async function fudanTruth(): Promise<{ boxes: Box[]; masks: Uint8Array[] }> {
  const { data, info } = await sharp(fudanMask!).raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const boxes: Box[] = [];
  const masks: Uint8Array[] = [];
  for (let k = 1; k <= 4; k++) {
    const mask = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (data[(y * width + x) * channels] === k) mask[x * height + y] = 1;
    const [x, y, w, h] = rleToBbox(rleEncode(mask, height, width));
    boxes.push([x, y, w, h]);
    masks.push(mask);
  }
  return { boxes, masks };
}

/** Every foreground pixel's centre lies in the box. */
function insideBox(mask: NonNullable<BoxMask['mask']>, [x, y, w, h]: Box): boolean {
  const [bx, by, bw, bh] = rleToBbox(decode(mask));
  return bx + 0.5 >= x && by + 0.5 >= y && bx + bw - 0.5 <= x + w && by + bh - 0.5 <= y + h;
}

describe.skipIf(!existsSync(mnv3))('box to mask through the services, with the bundled MobileNetV3 Mask R-CNN', () => {
  const dir = tempDir();
  const folder = join(dir.path, 'images');
  let services: Services;
  let modelId: number;
  let frame: number;
  let blank: number;
  const call = <T>(channel: string, request: object = {}) =>
    dispatch(services.handlers, channel, request) as Promise<{ ok: boolean; value: T; error: { code: string; message: string } }>;
  const value = async <T>(channel: string, request: object = {}) => {
    const envelope = await call<T>(channel, request);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value;
  };
  const commitBoxes = (imageId: number, boxes: Box[], extra: Partial<Annotation> = {}) =>
    value('annotations.commit', {
      imageId,
      create: boxes.map((bbox) => ({ categoryId: 1, bbox, area: bbox[2] * bbox[3], iscrowd: false, mask: null, ...extra })),
      update: [],
      delete: [],
    });

  beforeAll(async () => {
    await useSourceInferenceWorker();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    delete process.env.PEDLAB_MODELS_MANIFEST;
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(appRoot(), 'samples', 'vtest', 'vtest_frame005.jpg'), join(folder, 'frame005.jpg'));
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#7a7a7a' } })
      .png()
      .toFile(join(folder, 'blank.png'));
    if (fudan) copyFileSync(fudan, join(folder, 'FudanPed00046.png'));
    services = new Services({ host: 'web' });
    await services.openFolder(folder);
    const models = services.inference.models();
    modelId = models.find((m) => m.variant === 'mnv3fpn')!.id;
    const images = services.projects.store.images.all();
    frame = images.find((i) => i.fileName === 'frame005.jpg')!.id;
    blank = images.find((i) => i.fileName === 'blank.png')!.id;
  });
  afterAll(async () => {
    await services?.close();
    dir.remove();
  });

  it('gives each walker of the sample a mask inside its box, with the detection score', async () => {
    const masks = await value<BoxMask[]>('masks.forBoxes', { modelId, imageId: frame, boxes: WALKERS });
    expect(masks).toHaveLength(WALKERS.length);
    for (const [i, m] of masks.entries()) {
      expect(m.reason, `walker ${i}`).toBeNull();
      expect(m.mask!.size).toEqual([576, 768]);
      expect(insideBox(m.mask!, WALKERS[i])).toBe(true);
      expect(rleArea(decode(m.mask!))).toBeGreaterThan(0.2 * WALKERS[i][2] * WALKERS[i][3]);
      expect(m.score).toBeGreaterThan(0);
    }
  });

  it.skipIf(!fudan || !fudanMask)("matches Penn-Fudan's true masks for its boxes", async () => {
    const image = services.projects.store.images.all().find((i) => i.fileName === 'FudanPed00046.png')!.id;
    const truth = await fudanTruth();
    const masks = await value<BoxMask[]>('masks.forBoxes', { modelId, imageId: image, boxes: truth.boxes });
    for (const [k, m] of masks.entries()) {
      expect(m.mask, m.reason ?? '').not.toBeNull();
      expect(pixelIou(rleDecode(decode(m.mask!)), truth.masks[k]), `pedestrian ${k + 1}`).toBeGreaterThan(0.5);
    }
  });

  it('says why when the box holds no person, or lies off the image', async () => {
    const [empty, off] = await value<BoxMask[]>('masks.forBoxes', {
      modelId,
      imageId: blank,
      boxes: [
        [60, 40, 90, 220],
        [500, 20, 40, 80],
      ],
    });
    expect(empty).toMatchObject({ mask: null, score: null });
    expect(empty.reason).toMatch(/no person/);
    expect(off).toMatchObject({ mask: null, score: null, reason: 'The box lies outside the image.' });
  });

  it('refuses box-only models and bad requests', async () => {
    const store = services.projects.store;
    const yolox = await registerFakeModel(store, dir.path, 'boxes-only');
    const path = join(dir.path, 'faster.onnx');
    writeFileSync(path, randomBytes(64));
    const faster = store.models.upsert({
      ...{ name: 'faster', variant: 'fake', path, kind: 'fasterrcnn' as const, classes: ['background', 'pedestrian'] },
      ...{ sha256: await fileSha256(path), settings: DEFAULT_MODEL_SETTINGS, bundled: false },
    });
    for (const id of [yolox, faster]) {
      const refused = await call('masks.forBoxes', { modelId: id, imageId: frame, boxes: [WALKERS[0]] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'model-no-masks' } });
      expect(await call('masks.fillStart', { modelId: id })).toMatchObject({ ok: false, error: { code: 'model-no-masks' } });
    }
    expect((await call('masks.forBoxes', { modelId: yolox, imageId: frame, boxes: [WALKERS[0]] })).error.message).toMatch(/YOLOX/);
    for (const boxes of [[], [[1, 2, 0, 4]], [[1, 2, 3, -4]], [[NaN, 2, 3, 4]], Array.from({ length: 65 }, () => WALKERS[0])]) {
      expect(await call('masks.forBoxes', { modelId, imageId: frame, boxes })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await call('masks.forBoxes', { modelId: 999, imageId: frame, boxes: [WALKERS[0]] })).toMatchObject({ ok: false, error: { code: 'model-unknown' } });
  });

  it('fills every box without a mask in the background, one image at a time, and the boxes stay', async () => {
    expect(await value<MaskFillStatus>('masks.fillStatus')).toMatchObject({ state: 'idle', modelId: null, boxesDone: 0, version: 0 });
    await commitBoxes(frame, WALKERS);
    await commitBoxes(frame, [[10, 10, 60, 60]], { iscrowd: true });
    await commitBoxes(blank, [[60, 40, 90, 220]]);
    const started = await value<MaskFillStatus>('masks.fillStart', { modelId });
    expect(started).toMatchObject({ state: 'running', modelId, boxesTotal: 4, boxesDone: 0 });
    expect(await call('masks.fillStart', { modelId })).toMatchObject({ ok: false, error: { code: 'masks-busy' } });
    await until('the fill job to finish', async () => (await value<MaskFillStatus>('masks.fillStatus')).state !== 'running', 60_000);
    const done = await value<MaskFillStatus>('masks.fillStatus');
    expect(done).toMatchObject({ state: 'done', boxesDone: 4, boxesTotal: 4, filled: 3, missed: 1, error: null });
    expect(done.version).toBe(2);

    const stored = await value<Annotation[]>('annotations.list', { imageId: frame });
    for (const box of WALKERS) {
      const a = stored.find((s) => s.bbox.every((v, k) => v === box[k]))!;
      expect(a.mask).not.toBeNull();
      expect(a.area).toBe(rleArea(decode(a.mask!)));
      expect(insideBox(a.mask!, box)).toBe(true);
    }
    expect(stored.find((s) => s.iscrowd)).toMatchObject({ mask: null, bbox: [10, 10, 60, 60] });
    expect((await value<Annotation[]>('annotations.list', { imageId: blank }))[0].mask).toBeNull();
  });

  it('stops when cancelled and stores nothing more', async () => {
    const many: Box[] = Array.from({ length: 20 }, (_, i) => [280 + (i % 4), 205 + i, 40, 92]);
    await commitBoxes(frame, many);
    const before = (await value<MaskFillStatus>('masks.fillStatus')).version;
    await value('masks.fillStart', { modelId, imageIds: [frame] });
    const cancelled = await value<MaskFillStatus>('masks.fillCancel');
    expect(cancelled.state).toBe('cancelled');
    await services.masks.settled();
    const after = await value<MaskFillStatus>('masks.fillStatus');
    expect(after).toMatchObject({ state: 'cancelled', version: before, filled: 0 });
    const unfilled = (await value<Annotation[]>('annotations.list', { imageId: frame })).filter((a) => !a.iscrowd && a.mask === null);
    expect(unfilled).toHaveLength(20);
  });
});
