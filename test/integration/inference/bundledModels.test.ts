import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapClasses } from '../../../core/detect/classes.js';
import type { ImageDetection } from '../../../core/detect/types.js';
import { rleDecode } from '../../../core/masks/rle.js';
import { rleFromCoco } from '../../../core/masks/rleString.js';
import { readManifest } from '../../../main/inference/manifest.js';
import { ModelWorker } from '../../../main/inference/inferenceWorkerClient.js';
import { appRoot } from '../../../main/version.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { bestMatches, detectAll, imageVariants, settingsFor, xywhIou } from '../../helpers/inferenceImages.js';
import { FUDAN_46, FUDAN_46_MASK, sharedFile } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';
import { pixelIou } from '../../helpers/pixelMasks.js';

const bundled = readManifest(join(appRoot(), 'models', 'manifest.json')).filter((m) => existsSync(m.path));
const model = bundled.find((m) => m.entry.variant === 'mnv3fpn') ?? bundled[0];
if (!model) console.warn('skipping: no bundled model file is in models/ yet');
const image = sharedFile(...FUDAN_46);
const truthMask = sharedFile(...FUDAN_46_MASK);

/** FudanPed00046's four pedestrians: their boxes [x, y, w, h] and column-major masks. */
async function truth(): Promise<{ boxes: number[][]; masks: Uint8Array[]; width: number; height: number }> {
  const { data, info } = await sharp(truthMask!).raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const boxes: number[][] = [];
  const masks: Uint8Array[] = [];
  for (let k = 1; k <= 4; k++) {
    const mask = new Uint8Array(width * height);
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (data[(y * width + x) * info.channels] !== k) continue;
        mask[x * height + y] = 1;
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      }
    }
    boxes.push([x0, y0, x1 - x0 + 1, y1 - y0 + 1]);
    masks.push(mask);
  }
  return { boxes, masks, width, height };
}

const decode = (d: ImageDetection) => rleDecode(rleFromCoco(d.mask!.size, d.mask!.counts));

describe.skipIf(!model || !image || !truthMask)('a bundled Mask R-CNN on Penn-Fudan', () => {
  const dir = tempDir();
  let worker: ModelWorker;
  const settings = settingsFor(mapClasses(model?.entry.classes ?? [], ['pedestrian']));

  beforeAll(async () => {
    await useSourceInferenceWorker();
    worker = new ModelWorker();
    await worker.open(model!.path, 2);
  });
  afterAll(async () => {
    await worker?.close();
    dir.remove();
  });

  it('finds the labelled pedestrians, with masks that cover them', async () => {
    const gt = await truth();
    const [found] = await detectAll(worker, [image!], settings);
    const confident = found.filter((d) => d.score > 0.9);
    let matched = 0;
    for (const [k, box] of gt.boxes.entries()) {
      const best = confident.reduce<ImageDetection | null>((b, d) => (!b || xywhIou(d.bbox, box) > xywhIou(b.bbox, box) ? d : b), null);
      if (!best || xywhIou(best.bbox, box) < 0.7) continue;
      matched++;
      expect(best.mask!.size).toEqual([gt.height, gt.width]);
      expect(pixelIou(decode(best), gt.masks[k])).toBeGreaterThan(0.6);
    }
    expect(matched).toBeGreaterThanOrEqual(3);
  });

  it('puts boxes and masks in the same place when the image is rotated by EXIF or shrunk first', async () => {
    const files = await imageVariants(image!, dir.path);
    const [upright, rotated] = await detectAll(worker, [files.upright, files.rotated], settings);
    const [shrunk] = await detectAll(worker, [files.upright], { ...settings, maxSide: 320 });
    const confident = upright.filter((d) => d.score > 0.9);
    expect(confident.length).toBeGreaterThanOrEqual(3);
    for (const iou of bestMatches(confident, rotated)) expect(iou).toBeGreaterThan(0.85);
    for (const d of confident) {
      const twin = shrunk.reduce((b, e) => (xywhIou(e.bbox, d.bbox) > xywhIou(b.bbox, d.bbox) ? e : b));
      expect(xywhIou(twin.bbox, d.bbox)).toBeGreaterThan(0.8);
      expect(twin.mask!.size).toEqual(d.mask!.size);
      expect(pixelIou(decode(twin), decode(d))).toBeGreaterThan(0.7);
    }
  });
});
