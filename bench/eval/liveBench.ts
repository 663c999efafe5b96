// Times what the compare view does when a ground-truth box is moved (40 px, so its match flips) on a Penn-Fudan-sized project: re-evaluate
// that image for bbox and segm and read the 12 stats again, for one model. Uses the 50 Penn-Fudan test images
// with a model's results (paths given, see models/README.md for making them). Prints medians; asserts nothing.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CocoEvaluator } from '../../core/eval/cocoEval.js';
import type { GroundTruth } from '../../core/eval/types.js';
import { parseCocoGroundTruth, parseCocoResults, parseJsonText } from '../../core/formats/cocoJson.js';
import { median } from '../median.js';

const [gtPath, dtPath] = process.argv.slice(2);
if (!gtPath || !dtPath) {
  console.error('usage: node dist/bench/eval/liveBench.js GT.json RESULTS.json');
  process.exit(2);
}
const gt = parseCocoGroundTruth(parseJsonText(readFileSync(gtPath, 'utf8'), gtPath));
const detections = parseCocoResults(parseJsonText(readFileSync(dtPath, 'utf8'), dtPath), gt);
const input = { images: gt.images, categories: gt.categories, groundTruth: gt.annotations, detections };

for (const iouType of ['bbox', 'segm'] as const) {
  const ev = new CocoEvaluator(input, { iouType });
  ev.stats();
  const imageId = gt.images[0].id;
  const own = gt.annotations.filter((a) => a.imageId === imageId);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const moved: GroundTruth[] = own.map((a, k) => (k === 0 ? { ...a, bbox: [a.bbox[0] + (i % 2) * 40, a.bbox[1], a.bbox[2], a.bbox[3]] } : a));
    const t0 = performance.now();
    ev.setGroundTruth(imageId, moved);
    ev.stats();
    times.push(performance.now() - t0);
  }
  console.log(
    `live ${iouType}: ${gt.images.length} images, ${gt.annotations.length} ground truths, ${detections.length} detections: ` +
      `one image's ground truth changed → 12 stats in median ${median(times).toFixed(2)} ms (max ${Math.max(...times).toFixed(2)} ms)`,
  );
}
