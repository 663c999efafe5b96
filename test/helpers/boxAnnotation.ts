import type { Annotation } from '../../core/ipc/types.js';

/** A box-only ground-truth annotation of category 1 on image 1, with the box's area. */
export const boxAnnotation = (id: number, bbox: [number, number, number, number]): Annotation => ({
  id,
  imageId: 1,
  categoryId: 1,
  bbox,
  area: bbox[2] * bbox[3],
  iscrowd: false,
  mask: null,
});
