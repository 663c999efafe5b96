// Times COCO evaluation on a synthetic set the size of COCO val2017: 5,000 images, ~36,000 ground truths
// with masks, 100 detections per image (40% near a ground truth, the rest anywhere in any of 80
// categories, so one image touches most categories). Prints medians; asserts nothing.
import { performance } from 'node:perf_hooks';
import { CocoEvaluator, type EvalInput } from '../../core/eval/cocoEval.js';
import type { IouType } from '../../core/eval/params.js';
import type { Box, Detection, EvalCategory, EvalImage, GroundTruth } from '../../core/eval/types.js';
import { rleArea, type Rle } from '../../core/masks/rle.js';
import { seeded as rng } from '../seeded.js';
import { median } from '../median.js';
import { ellipseCounts } from './ellipseMask.js';

const IMAGES = 5000;
const CATEGORIES = 80;
const GT_PER_IMAGE = 7.3;
const DETS_PER_IMAGE = 100;

/** The ellipse inscribed in a box, as an RLE. */
function ellipseMask(box: Box, h: number, w: number): Rle {
  return { h, w, counts: Uint32Array.from(ellipseCounts(box, h, w)) };
}

function synthetic(seed: number): EvalInput {
  const rand = rng(seed);
  const images: EvalImage[] = [];
  const categories: EvalCategory[] = Array.from({ length: CATEGORIES }, (_, i) => ({ id: i + 1 }));
  const groundTruth: GroundTruth[] = [];
  const detections: Detection[] = [];
  const randomBox = (w: number, h: number): Box => {
    const bw = Math.max(2, Math.exp(2 + rand() * 3.5));
    const bh = Math.max(2, bw * (0.5 + rand()));
    const x = rand() * Math.max(1, w - bw);
    const y = rand() * Math.max(1, h - bh);
    return [x, y, Math.min(bw, w - x), Math.min(bh, h - y)];
  };
  for (let i = 1; i <= IMAGES; i++) {
    const width = 480 + Math.floor(rand() * 160);
    const height = 360 + Math.floor(rand() * 120);
    images.push({ id: i, width, height });
    const nGt = Math.round(rand() * 2 * GT_PER_IMAGE);
    const imageGts: GroundTruth[] = [];
    for (let g = 0; g < nGt; g++) {
      const bbox = randomBox(width, height);
      const mask = ellipseMask(bbox, height, width);
      const gt: GroundTruth = {
        id: groundTruth.length + 1,
        imageId: i,
        categoryId: 1 + Math.floor(rand() * rand() * CATEGORIES),
        bbox,
        area: rleArea(mask),
        iscrowd: rand() < 0.01,
        segmentation: { kind: 'rle', rle: mask },
      };
      groundTruth.push(gt);
      imageGts.push(gt);
    }
    for (let d = 0; d < DETS_PER_IMAGE; d++) detections.push(detection(rand, detections.length + 1, i, width, height, imageGts, randomBox));
  }
  return { images, categories, groundTruth, detections };
}

function detection(
  rand: () => number,
  id: number,
  imageId: number,
  width: number,
  height: number,
  gts: readonly GroundTruth[],
  randomBox: (w: number, h: number) => Box,
): Detection {
  const near = gts.length > 0 && rand() < 0.4 ? gts[Math.floor(rand() * gts.length)] : null;
  let bbox: Box;
  if (near) {
    const [x, y, w, h] = near.bbox;
    const jitter = () => (rand() - 0.5) * 0.3;
    const nx = Math.max(0, x + jitter() * w);
    const ny = Math.max(0, y + jitter() * h);
    bbox = [nx, ny, Math.max(1, Math.min(width - nx, w * (1 + jitter()))), Math.max(1, Math.min(height - ny, h * (1 + jitter())))];
  } else bbox = randomBox(width, height);
  const mask = ellipseMask(bbox, height, width);
  return {
    id,
    imageId,
    categoryId: near && rand() < 0.9 ? near.categoryId : 1 + Math.floor(rand() * CATEGORIES),
    score: Math.round(rand() * 1000) / 1000,
    bbox,
    area: bbox[2] * bbox[3],
    segmentation: { kind: 'rle', rle: mask },
  };
}

function timeFull(input: EvalInput, iouType: IouType, runs: number): { ms: number; evaluator: CocoEvaluator } {
  const times: number[] = [];
  let evaluator: CocoEvaluator | null = null;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    evaluator = new CocoEvaluator(input, { iouType });
    evaluator.stats();
    times.push(performance.now() - start);
  }
  return { ms: median(times), evaluator: evaluator! };
}

/** Median time of replacing one random image's detections (a new model run) and recomputing the stats. */
function timeDetectionUpdates(input: EvalInput, evaluator: CocoEvaluator, updates: number, seed: number): number {
  const rand = rng(seed);
  const byImage = groundTruthByImage(input);
  const box = (w: number, h: number): Box => [rand() * w * 0.5, rand() * h * 0.5, 10 + rand() * w * 0.4, 10 + rand() * h * 0.4];
  const times: number[] = [];
  for (let u = 0; u < updates; u++) {
    const image = input.images[Math.floor(rand() * input.images.length)];
    const gts = byImage.get(image.id as number) ?? [];
    const dets = Array.from({ length: DETS_PER_IMAGE }, (_, d) =>
      detection(rand, 1_000_000 + u * DETS_PER_IMAGE + d, image.id as number, image.width!, image.height!, gts, box),
    );
    const start = performance.now();
    evaluator.setDetections(image.id, dets);
    evaluator.stats();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median time of moving one ground-truth box of a random image (an edit in the UI) and recomputing the stats. */
function timeGroundTruthEdits(input: EvalInput, evaluator: CocoEvaluator, updates: number, seed: number): number {
  const rand = rng(seed);
  const byImage = groundTruthByImage(input);
  const withGt = input.images.filter((img) => (byImage.get(img.id as number) ?? []).length > 0);
  const times: number[] = [];
  for (let u = 0; u < updates; u++) {
    const image = withGt[Math.floor(rand() * withGt.length)];
    const gts = [...byImage.get(image.id as number)!];
    const g = Math.floor(rand() * gts.length);
    const [x, y, w, h] = gts[g].bbox;
    const bbox: Box = [x + 2, y + 1, w, h];
    const mask = ellipseMask(bbox, image.height!, image.width!);
    gts[g] = { ...gts[g], bbox, area: rleArea(mask), segmentation: { kind: 'rle', rle: mask } };
    const start = performance.now();
    evaluator.setGroundTruth(image.id, gts);
    evaluator.stats();
    times.push(performance.now() - start);
    byImage.set(image.id as number, gts);
  }
  return median(times);
}

function groundTruthByImage(input: EvalInput): Map<number, GroundTruth[]> {
  const byImage = new Map<number, GroundTruth[]>();
  for (const gt of input.groundTruth) {
    const list = byImage.get(gt.imageId as number) ?? [];
    list.push(gt);
    byImage.set(gt.imageId as number, list);
  }
  return byImage;
}

const setupStart = performance.now();
const input = synthetic(20240601);
const setupMs = performance.now() - setupStart;
console.log(
  `synthetic set: ${input.images.length} images, ${input.groundTruth.length} ground truths, ` +
    `${input.detections.length} detections (built in ${(setupMs / 1000).toFixed(1)} s)`,
);
const row = (label: string, ms: number, extra = '') => console.log(`${label.padEnd(58)} median ${`${ms.toFixed(ms < 100 ? 1 : 0)} ms`.padStart(9)}${extra}`);
for (const iouType of ['bbox', 'segm'] as const) {
  const full = timeFull(input, iouType, iouType === 'bbox' ? 5 : 3);
  row(`${iouType}: full evaluation (match, accumulate, 12 stats)`, full.ms, `   AP ${full.evaluator.stats()[0].toFixed(4)}`);
  row(`${iouType}: one image's 100 detections replaced, stats again`, timeDetectionUpdates(input, full.evaluator, 50, 7));
  row(`${iouType}: one ground-truth box moved, stats again`, timeGroundTruthEdits(input, full.evaluator, 50, 8));
}
