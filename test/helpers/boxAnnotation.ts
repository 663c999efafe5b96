import type { Annotation, ImagePrediction } from '../../core/ipc/types.js';

type Box = [number, number, number, number];

/** A box-only ground-truth annotation of category 1, with the box's area. */
export const boxOnImage = (id: number, imageId: number, bbox: Box, iscrowd = false): Annotation => ({
  id,
  imageId,
  categoryId: 1,
  bbox,
  area: bbox[2] * bbox[3],
  iscrowd,
  mask: null,
});

/** The same on image 1. */
export const boxAnnotation = (id: number, bbox: Box): Annotation => boxOnImage(id, 1, bbox);

/** A box-only prediction of category 1. */
export const predictionOnImage = (id: number, imageId: number, bbox: Box, score: number): ImagePrediction => ({
  id,
  imageId,
  categoryId: 1,
  score,
  bbox,
  mask: null,
});
