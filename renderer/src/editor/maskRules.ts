import type { Box } from '../../../core/geometry/box.js';
import type { Annotation, AnnotationDraft } from '../../../core/ipc/types.js';
import { bitmapFromRle, bitmapToRle, emptyBitmap, type Bitmap } from '../../../core/masks/bitmap.js';
import { rleArea, rleToBbox } from '../../../core/masks/rle.js';
import { rleFromCoco, rleToCoco } from '../../../core/masks/rleString.js';
import { transformMask } from '../../../core/masks/transform.js';
import { toDraft } from './change.js';

/**
 * The rules of a ground-truth mask, all here:
 * - a mask is the image's size; its annotation's `area` is its pixel count;
 * - after an edit of the mask itself (brush, eraser, polygon, fill holes, keep the largest piece) the box is
 *   the mask's tight extent, as COCO's bbox of a mask;
 * - moving or resizing the box carries the mask with it (moved, scaled), and the box stays where it was put;
 * - a mask the model gives for a box (box to mask) is the annotation's mask, and the box stays the user's;
 * - a mask left with no pixels, or cleared, is no mask: the box stays and the area is the box's again.
 */

export function maskBitmap(a: Annotation, size: { width: number; height: number }): Bitmap {
  return a.mask ? bitmapFromRle(rleFromCoco(a.mask.size, a.mask.counts)) : emptyBitmap(size.height, size.width);
}

/** The annotation with an edited mask: area its pixel count, box its tight extent (an empty mask: none). */
export function withMask<T extends AnnotationDraft>(a: T, mask: Bitmap): T {
  const rle = bitmapToRle(mask);
  const area = rleArea(rle);
  if (area === 0) return { ...a, mask: null, area: a.bbox[2] * a.bbox[3] };
  return { ...a, mask: rleToCoco(rle), area, bbox: rleToBbox(rle) };
}

/** The annotation with the mask a model gave for its box: area the mask's pixel count, the box unchanged. */
export function withModelMask(a: Annotation, mask: { size: [number, number]; counts: string }): AnnotationDraft & { id: number } {
  return { ...toDraft(a), mask, area: rleArea(rleFromCoco(mask.size, mask.counts)) };
}

/** The annotation moved or resized to `bbox`, its mask carried along (see the rules above). */
export function withCarriedMask(a: Annotation, bbox: Box): AnnotationDraft & { id: number } {
  const draft = { ...toDraft(a), bbox };
  if (!a.mask) return { ...draft, area: bbox[2] * bbox[3] };
  const moved = bitmapToRle(transformMask(bitmapFromRle(rleFromCoco(a.mask.size, a.mask.counts)), a.bbox, bbox));
  const area = rleArea(moved);
  return area === 0 ? { ...draft, mask: null, area: bbox[2] * bbox[3] } : { ...draft, mask: rleToCoco(moved), area };
}
