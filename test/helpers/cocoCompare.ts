import { parseCocoGroundTruth } from '../../core/formats/cocoJson.js';
import { countsToString } from '../../core/masks/rleString.js';
import { segmentationToRle } from '../../core/masks/segmentation.js';

/** Any COCO segmentation (polygons, plain or compressed RLE) as the compressed counts of its mask on an h×w image. */
export function normalisedCounts(segmentation: unknown, h: number, w: number): string {
  const [annotation] = parseCocoGroundTruth({
    images: [{ id: 1, height: h, width: w }],
    categories: [{ id: 1 }],
    annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 0, 0], area: 0, segmentation }],
  }).annotations;
  return countsToString(segmentationToRle(annotation.segmentation!, h, w).counts);
}
