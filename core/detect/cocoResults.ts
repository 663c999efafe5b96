import type { CocoRle } from './types.js';

/** One entry of a COCO results file, as pycocotools' loadRes reads it. */
export interface CocoResult {
  image_id: number | string;
  category_id: number;
  bbox: [number, number, number, number];
  score: number;
  segmentation?: CocoRle;
}

export interface ScoredRegion {
  score: number;
  bbox: readonly [number, number, number, number];
  mask: CocoRle | null;
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/** A detection as a COCO result: box rounded to 1/100 px, score to 5 places, mask as RLE with string counts. */
export function toCocoResult(imageId: number | string, categoryId: number, region: ScoredRegion): CocoResult {
  const result: CocoResult = {
    image_id: imageId,
    category_id: categoryId,
    bbox: region.bbox.map((v) => round(v, 2)) as CocoResult['bbox'],
    score: round(region.score, 5),
  };
  if (region.mask) result.segmentation = { size: region.mask.size, counts: region.mask.counts };
  return result;
}
