// A made-up ground truth and two made-up detectors for it, the same on every run of a seed: for the
// comparison bench and the comparison tests.
import type { EvalInput } from '../../core/eval/cocoEval.js';
import type { Box, Detection, GroundTruth } from '../../core/eval/types.js';
import { seeded } from '../seeded.js';

export interface SyntheticDetector {
  /** Chance that a ground truth is detected. */
  readonly recall: number;
  /** Largest shift of each box edge, as a fraction of the box size. */
  readonly jitter: number;
  /** Most false alarms per image. */
  readonly falseAlarms: number;
  /** Scores are rounded to this many places (few places make ties). */
  readonly scorePlaces: number;
}

export interface SyntheticPair {
  readonly groundTruth: Omit<EvalInput, 'detections'>;
  readonly a: Detection[];
  readonly b: Detection[];
}

/** Images of 640×480 with up to `perImage` * 2 people (category 1), a few cyclists (2) and rare crowd regions. */
export function syntheticPair(seed: number, images: number, perImage: number, a: SyntheticDetector, b: SyntheticDetector): SyntheticPair {
  const rand = seeded(seed);
  const groundTruth: GroundTruth[] = [];
  for (let i = 1; i <= images; i++) {
    const n = Math.round(rand() * 2 * perImage);
    for (let g = 0; g < n; g++) {
      const bbox = randomBox(rand);
      groundTruth.push({
        id: groundTruth.length + 1,
        imageId: i,
        categoryId: rand() < 0.15 ? 2 : 1,
        bbox,
        area: bbox[2] * bbox[3],
        iscrowd: rand() < 0.02,
      });
    }
  }
  const imageList = Array.from({ length: images }, (_, i) => ({ id: i + 1, width: 640, height: 480 }));
  const categories = [
    { id: 1, name: 'person' },
    { id: 2, name: 'cyclist' },
  ];
  return {
    groundTruth: { images: imageList, categories, groundTruth },
    a: detections(seeded(seed + 1), images, groundTruth, a),
    b: detections(seeded(seed + 2), images, groundTruth, b),
  };
}

function randomBox(rand: () => number): Box {
  const w = 10 + rand() * 120;
  const h = w * (1.5 + rand());
  const x = rand() * (640 - w);
  const y = rand() * Math.max(1, 480 - h);
  return [x, y, w, Math.min(h, 480 - y)];
}

function detections(rand: () => number, images: number, gts: readonly GroundTruth[], model: SyntheticDetector): Detection[] {
  const out: Detection[] = [];
  const score = (lo: number, span: number) => Math.round((lo + rand() * span) * 10 ** model.scorePlaces) / 10 ** model.scorePlaces;
  const push = (imageId: number, categoryId: number, bbox: Box, s: number) =>
    out.push({ id: out.length + 1, imageId, categoryId, score: s, bbox, area: bbox[2] * bbox[3] });
  for (const g of gts) {
    if (rand() > model.recall) continue;
    const [x, y, w, h] = g.bbox;
    const shift = () => (rand() * 2 - 1) * model.jitter;
    push(g.imageId as number, g.categoryId, [x + shift() * w, y + shift() * h, w * (1 + shift()), h * (1 + shift())], score(0.3, 0.7));
  }
  for (let i = 1; i <= images; i++) {
    const n = Math.floor(rand() * (model.falseAlarms + 1));
    for (let f = 0; f < n; f++) push(i, rand() < 0.15 ? 2 : 1, randomBox(rand), score(0.05, 0.7));
  }
  return out;
}
