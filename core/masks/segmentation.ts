import { rleFromPolygons } from './polygon.js';
import type { Rle } from './rle.js';

/** An annotation's shape as COCO stores it: polygons in image pixels, or a mask. */
export type Segmentation = { readonly kind: 'polygons'; readonly polygons: readonly (readonly number[])[] } | { readonly kind: 'rle'; readonly rle: Rle };

/** The mask of a segmentation on an `h`×`w` image (polygons are rasterised and merged, as COCO's annToRLE). */
export function segmentationToRle(segmentation: Segmentation, h: number, w: number): Rle {
  if (segmentation.kind === 'rle') return segmentation.rle;
  return rleFromPolygons(segmentation.polygons, h, w);
}
