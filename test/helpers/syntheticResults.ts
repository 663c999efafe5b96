import { rleFromBbox } from '../../core/masks/polygon.js';
import { rleToCoco } from '../../core/masks/rleString.js';
import { seeded as random } from '../../bench/seeded.js';

interface GtJson {
  images: { id: number; width: number; height: number }[];
  annotations: { image_id: number; category_id: number; bbox: number[]; segmentation?: unknown }[];
  categories: { id: number }[];
}

export interface SyntheticModel {
  seed: number;
  /** Chance that a ground truth is detected. */
  recall: number;
  /** Largest shift of each box edge, as a fraction of the box size. */
  jitter: number;
  /** Most false positives per image. */
  falsePositives: number;
  /** Masks: the ground truth's own, or the box's rectangle. */
  masks: 'ground truth' | 'boxes';
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/**
 * COCO results a made-up detector would write for this ground truth: jittered boxes of most objects and a few
 * false positives, boxes to 1/100 px and scores to 5 places (as Pedlab writes results), with masks.
 */
export function syntheticResults(gt: GtJson, model: SyntheticModel): unknown[] {
  const rand = random(model.seed);
  const sizes = new Map(gt.images.map((i) => [i.id, i]));
  const results: unknown[] = [];
  const clampBox = (b: number[], w: number, h: number) => {
    const x = Math.max(0, Math.min(w - 2, b[0]));
    const y = Math.max(0, Math.min(h - 2, b[1]));
    return [round(x, 2), round(y, 2), round(Math.max(1, Math.min(w - x, b[2])), 2), round(Math.max(1, Math.min(h - y, b[3])), 2)];
  };
  const mask = (bbox: number[], h: number, w: number) => rleToCoco(rleFromBbox(bbox, h, w));
  for (const a of gt.annotations) {
    if (rand() > model.recall) continue;
    const { width, height } = sizes.get(a.image_id)!;
    const [x, y, w, h] = a.bbox;
    const shift = () => (rand() * 2 - 1) * model.jitter;
    const bbox = clampBox([x + shift() * w, y + shift() * h, w * (1 + shift()), h * (1 + shift())], width, height);
    const segmentation = model.masks === 'ground truth' && a.segmentation ? a.segmentation : mask(bbox, height, width);
    results.push({ image_id: a.image_id, category_id: a.category_id, bbox, score: round(0.45 + rand() * 0.55, 5), segmentation });
  }
  for (const image of gt.images) {
    const count = Math.floor(rand() * (model.falsePositives + 1));
    for (let i = 0; i < count; i++) {
      const w = 20 + rand() * image.width * 0.3;
      const h = 40 + rand() * image.height * 0.4;
      const bbox = clampBox([rand() * (image.width - w), rand() * (image.height - h), w, h], image.width, image.height);
      results.push({
        image_id: image.id,
        category_id: gt.categories[0].id,
        bbox,
        score: round(0.05 + rand() * 0.75, 5),
        segmentation: mask(bbox, image.height, image.width),
      });
    }
  }
  return results;
}
