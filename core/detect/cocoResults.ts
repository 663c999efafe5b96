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

/**
 * A detection as a COCO result, mask as RLE with string counts. Boxes and scores keep full precision: rounding
 * scores can make ties that reorder detections and move AP, so the file would no longer score as the app does.
 */
export function toCocoResult(imageId: number | string, categoryId: number, region: ScoredRegion): CocoResult {
  const result: CocoResult = {
    image_id: imageId,
    category_id: categoryId,
    bbox: [...region.bbox] as CocoResult['bbox'],
    score: region.score,
  };
  if (region.mask) result.segmentation = { size: region.mask.size, counts: region.mask.counts };
  return result;
}
