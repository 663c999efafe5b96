import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COCO_CLASSES, mapClasses } from '../../../core/detect/classes.js';
import { ModelWorker } from '../../../main/inference/inferenceWorkerClient.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { bestMatches, detectAll, imageVariants, settingsFor, xywhIou } from '../../helpers/inferenceImages.js';
import { ABBEY_ROAD, FUDAN_46, FUDAN_46_ANNOTATION, LIGHT_PERSON, TV_IMAGE_05, YOLOX_NANO, sharedFile } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';

const nano = sharedFile(...YOLOX_NANO);
const light = sharedFile(...LIGHT_PERSON);
const abbey = sharedFile(...ABBEY_ROAD);

/** Penn-Fudan's PASCAL-style boxes: "(Xmin, Ymin) - (Xmax, Ymax) : (160, 182) - (302, 431)", as [x, y, w, h]. */
function pennFudanBoxes(path: string): number[][] {
  const text = readFileSync(path, 'latin1');
  return [...text.matchAll(/\((\d+), (\d+)\) - \((\d+), (\d+)\)\s*$/gm)].map((m) => {
    const [x1, y1, x2, y2] = m.slice(1).map(Number);
    return [x1, y1, x2 - x1, y2 - y1];
  });
}

describe.skipIf(!nano || !light || !abbey)('YOLOX-style detectors from ../shared', () => {
  const dir = tempDir();
  const worker = { nano: null as unknown as ModelWorker, light: null as unknown as ModelWorker };
  const nanoSettings = settingsFor(mapClasses(COCO_CLASSES, ['pedestrian']), { scoreThreshold: 0.3 });
  const lightSettings = settingsFor(mapClasses(['person'], ['pedestrian']), { scoreThreshold: 0.3 });

  beforeAll(async () => {
    await useSourceInferenceWorker();
    worker.nano = new ModelWorker();
    worker.light = new ModelWorker();
    await Promise.all([worker.nano.open(nano!, 1), worker.light.open(light!, 1)]);
  });
  afterAll(async () => {
    await Promise.all([worker.nano?.close(), worker.light?.close()]);
    dir.remove();
  });

  it('reads both signatures: input size and class count come from the model', async () => {
    const a = await worker.nano.open(nano!, 1);
    const b = await worker.light.open(light!, 1);
    expect(a.signature).toEqual({ kind: 'yolox', input: 'images', output: 'output', inputWidth: 416, inputHeight: 416, classCount: 80 });
    expect(b.signature).toMatchObject({ kind: 'yolox', inputWidth: 192, inputHeight: 192, classCount: 1 });
    expect(a.provider).toBe('CPU');
  });

  it('finds the four walkers on Abbey Road, as pedestrians, in image pixels', async () => {
    const [found] = await detectAll(worker.nano, [abbey!], nanoSettings);
    const confident = found.filter((d) => d.score > 0.5);
    expect(confident.length).toBeGreaterThanOrEqual(4);
    for (const d of found) {
      expect(d.category).toBe('pedestrian');
      expect(d.classIndex).toBe(0);
      expect(d.mask).toBeNull();
      const [x, y, w, h] = d.bbox;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(316);
      expect(y + h).toBeLessThanOrEqual(316);
    }
    // The walkers cross the lower half of the 316 × 316 cover: people are taller than wide.
    for (const d of confident) {
      expect(d.bbox[1] + d.bbox[3] / 2).toBeGreaterThan(158);
      expect(d.bbox[3]).toBeGreaterThan(d.bbox[2]);
    }
  });

  it('sees an EXIF-rotated JPEG, an RGBA PNG, a grey PNG and a 16-bit PNG upright and in image pixels', async () => {
    const files = await imageVariants(abbey!, dir.path);
    const [upright, rotated, rgba, grey, deep] = await detectAll(worker.nano, [files.upright, files.rotated, files.rgba, files.grey, files.deep], nanoSettings);
    expect((await sharp(files.rotated).metadata()).orientation).toBe(6);
    const confident = upright.filter((d) => d.score > 0.5);
    expect(rgba).toEqual(upright);
    // 16-bit samples are resized before they are reduced to 8 bits, so the input differs by rounding only.
    for (const iou of bestMatches(confident, deep)) expect(iou).toBeGreaterThan(0.95);
    for (const iou of bestMatches(confident, rotated)) expect(iou).toBeGreaterThan(0.85);
    expect(grey.filter((d) => d.score > 0.5).length).toBeGreaterThanOrEqual(3);
  });

  it('the one-class light detector agrees with YOLOX-Nano on the confident walkers', async () => {
    const [a] = await detectAll(worker.nano, [abbey!], nanoSettings);
    const [b] = await detectAll(worker.light, [abbey!], lightSettings);
    expect(b.length).toBeGreaterThan(0);
    const matched = bestMatches(
      b.filter((d) => d.score > 0.5),
      a,
    ).filter((iou) => iou > 0.5);
    expect(matched.length).toBeGreaterThanOrEqual(2);
  });

  it('an 80-class detector keeps only the classes mapped onto project categories', async () => {
    const all = COCO_CLASSES.map((c) => c);
    const [everything] = await detectAll(worker.nano, [abbey!], settingsFor(all, { scoreThreshold: 0.3 }));
    const [people] = await detectAll(worker.nano, [abbey!], nanoSettings);
    expect(new Set(everything.map((d) => d.category)).size).toBeGreaterThan(1);
    expect(people.every((d) => d.category === 'pedestrian')).toBe(true);
    expect(people.length).toBe(everything.filter((d) => d.category === 'person').length);
  });
});

describe.skipIf(!nano || !sharedFile(...FUDAN_46) || !sharedFile(...TV_IMAGE_05))('YOLOX on Penn-Fudan', () => {
  let worker: ModelWorker;
  beforeAll(async () => {
    await useSourceInferenceWorker();
    worker = new ModelWorker();
    await worker.open(nano!, 1);
  });
  afterAll(() => worker?.close());

  it('finds the labelled pedestrians of FudanPed00046, and the same in its RGBA copy tv_image05', async () => {
    const settings = settingsFor(mapClasses(COCO_CLASSES, ['pedestrian']), { scoreThreshold: 0.3 });
    const [rgb, rgba] = await detectAll(worker, [sharedFile(...FUDAN_46)!, sharedFile(...TV_IMAGE_05)!], settings);
    expect(rgba).toEqual(rgb);
    const truth = pennFudanBoxes(sharedFile(...FUDAN_46_ANNOTATION)!);
    expect(truth).toHaveLength(4);
    const hits = truth.filter((g) => rgb.some((d) => xywhIou(d.bbox, g) > 0.5));
    expect(hits.length).toBeGreaterThanOrEqual(3);
  });
});
