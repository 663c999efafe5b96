import type { EvalInput } from '../eval/cocoEval.js';
import type { Detection, GroundTruth } from '../eval/types.js';
import type { Annotation, EvaluationData, ImagePrediction } from '../ipc/types.js';
import { rleFromCoco } from '../masks/rleString.js';
import type { Segmentation } from '../masks/segmentation.js';

function segmentation(mask: { size: [number, number]; counts: string } | null): Segmentation | undefined {
  return mask ? { kind: 'rle', rle: rleFromCoco(mask.size, mask.counts) } : undefined;
}

/** A ground-truth annotation as COCOeval reads it: COCO's own area field, the mask for `segm`. */
export function groundTruthForEval(a: Annotation): GroundTruth {
  return {
    id: a.id,
    imageId: a.imageId,
    categoryId: a.categoryId,
    bbox: a.bbox,
    area: a.area,
    iscrowd: a.iscrowd,
    segmentation: segmentation(a.mask),
  };
}

/**
 * A prediction as pycocotools' loadRes makes it from a results file with boxes: area = w×h (also for `segm`,
 * where the mask decides the IoU), so Pedlab's numbers equal `pedlab eval` on the exported results.
 */
export function detectionForEval(p: ImagePrediction): Detection {
  return {
    id: p.id,
    imageId: p.imageId,
    categoryId: p.categoryId,
    score: p.score,
    bbox: p.bbox,
    area: p.bbox[2] * p.bbox[3],
    segmentation: segmentation(p.mask),
  };
}

/** The evaluation input for one model over the whole project. */
export function evalInputFor(data: EvaluationData, modelId: number): EvalInput {
  return {
    images: data.images.map((i) => ({ id: i.id, width: i.width, height: i.height })),
    categories: data.categories.map((c) => ({ id: c.id, name: c.name })),
    groundTruth: data.groundTruth.map(groundTruthForEval),
    detections: (data.predictions[modelId] ?? []).map(detectionForEval),
  };
}
