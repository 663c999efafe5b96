import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapClasses } from '../../../core/detect/classes.js';
import type { ImageDetection } from '../../../core/detect/types.js';
import { rleArea, rleToBbox } from '../../../core/masks/rle.js';
import { rleFromCoco } from '../../../core/masks/rleString.js';
import { ModelWorker } from '../../../main/inference/inferenceWorkerClient.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { bestMatches, detectAll, imageVariants, settingsFor, syntheticPicture } from '../../helpers/inferenceImages.js';
import { ABBEY_ROAD, TV_IMAGE_05, SHARED } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';
import { testModels } from '../../helpers/testModels.js';

const models = testModels();
const settings = settingsFor(mapClasses(['__background__', 'pedestrian'], ['pedestrian']));

/** Every detection lies inside the image, and its mask (if any) is valid RLE of the image's size inside its box. */
function expectInImage(found: ImageDetection[], width: number, height: number, withMasks: boolean): void {
  expect(found.length).toBeGreaterThan(0);
  for (const d of found) {
    const [x, y, w, h] = d.bbox;
    expect(d.category).toBe('pedestrian');
    expect(d.classIndex).toBe(1);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(width + 1e-3);
    expect(y + h).toBeLessThanOrEqual(height + 1e-3);
    if (!withMasks) {
      expect(d.mask).toBeNull();
      continue;
    }
    expect(d.mask!.size).toEqual([height, width]);
    expect(typeof d.mask!.counts).toBe('string');
    const rle = rleFromCoco(d.mask!.size, d.mask!.counts);
    expect(rle.counts.reduce((a, b) => a + b, 0)).toBe(width * height);
    if (rleArea(rle) === 0) continue;
    const [mx, my, mw, mh] = rleToBbox(rle);
    expect(mx).toBeGreaterThanOrEqual(Math.floor(x) - 1);
    expect(my).toBeGreaterThanOrEqual(Math.floor(y) - 1);
    expect(mx + mw).toBeLessThanOrEqual(Math.ceil(x + w) + 1);
    expect(my + mh).toBeLessThanOrEqual(Math.ceil(y + h) + 1);
  }
}

describe.skipIf(!models)('torchvision Mask R-CNN and Faster R-CNN exports', () => {
  const dir = tempDir();
  const worker = { mask: null as unknown as ModelWorker, faster: null as unknown as ModelWorker, batched: null as unknown as ModelWorker };
  let picture: string;

  beforeAll(async () => {
    await useSourceInferenceWorker();
    picture = await syntheticPicture(join(dir.path, 'street.png'));
    worker.mask = new ModelWorker();
    worker.faster = new ModelWorker();
    worker.batched = new ModelWorker();
    await Promise.all([worker.mask.open(models!.maskrcnn, 1), worker.faster.open(models!.fasterrcnn, 1), worker.batched.open(models!.maskrcnnBatched, 1)]);
  });
  afterAll(async () => {
    await Promise.all(Object.values(worker).map((w) => w?.close()));
    dir.remove();
  });

  it('recognises the three signatures', async () => {
    expect((await worker.mask.open(models!.maskrcnn, 1)).signature).toEqual({
      kind: 'maskrcnn',
      input: 'image',
      batched: false,
      fixedSize: null,
      outputs: { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: 'masks' },
    });
    expect((await worker.faster.open(models!.fasterrcnn, 1)).signature).toMatchObject({ kind: 'fasterrcnn', outputs: { masks: null } });
    expect((await worker.batched.open(models!.maskrcnnBatched, 1)).signature).toMatchObject({ kind: 'maskrcnn', input: 'images', batched: true });
  });

  it('gives boxes in image pixels and masks as RLE of the image size, inside their boxes', async () => {
    const [found] = await detectAll(worker.mask, [picture], settings);
    expectInImage(found, 480, 360, true);
  });

  it('sees an EXIF-rotated JPEG upright and drops alpha, grey and 16-bit differences', async () => {
    const files = await imageVariants(picture, dir.path);
    const paths = [files.upright, files.rotated, files.rgba, files.grey, files.deep];
    const [upright, rotated, rgba, grey, deep] = await detectAll(worker.mask, paths, settings);
    // Stored 360 wide and 480 high, shown and fed upright: 480 × 360.
    for (const found of [upright, rotated, rgba, grey, deep]) expectInImage(found, 480, 360, true);
    expect(rgba).toEqual(upright);
  });

  it('pastes masks back at full size when the image is shrunk before it is fed', async () => {
    const [whole] = await detectAll(worker.mask, [picture], settings);
    const [shrunk] = await detectAll(worker.mask, [picture], { ...settings, maxSide: 240 });
    expectInImage(shrunk, 480, 360, true);
    // The model resizes to its own test size either way, so the same objects are found in the same places.
    const matches = bestMatches(whole.slice(0, 10), shrunk);
    expect(matches.filter((iou) => iou > 0.8).length).toBeGreaterThanOrEqual(5);
  });

  it('runs the Faster R-CNN export (no masks) and the batched [1,3,H,W] variant', async () => {
    const [faster] = await detectAll(worker.faster, [picture], settings);
    expectInImage(faster, 480, 360, false);
    const [plain] = await detectAll(worker.mask, [picture], settings);
    const [batched] = await detectAll(worker.batched, [picture], settings);
    expect(batched).toEqual(plain);
  });

  it.skipIf(!existsSync(SHARED))('runs on real photos from ../shared: an RGBA PNG and a JPEG', async () => {
    const [tv, abbey] = await detectAll(worker.mask, [join(SHARED, ...TV_IMAGE_05), join(SHARED, ...ABBEY_ROAD)], settings);
    expectInImage(tv, 567, 438, true);
    expectInImage(abbey, 316, 316, true);
  });
});
