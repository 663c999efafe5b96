import { CocoEvaluator, type EvalInput } from '../eval/cocoEval.js';
import type { ParamsInput } from '../eval/params.js';
import type { ImageResult } from '../eval/imageResult.js';
import type { Detection, GroundTruth, ImageId } from '../eval/types.js';

/** One model's evaluation of one image: the matching and the detections it speaks of. */
export interface ModelImage {
  /** Matching for area range 0 ('all'): outcome per detection and ground truth at every IoU threshold. */
  readonly result: ImageResult;
  /** The image's detections, in the order of `result.detections` (input order). */
  readonly detections: readonly Detection[];
}

/** One image as both models see it. */
export interface PairedImage {
  readonly imageId: ImageId;
  /** The image's ground truth, in the order of `result.groundTruths` of both models. */
  readonly groundTruth: readonly GroundTruth[];
  readonly a: ModelImage;
  readonly b: ModelImage;
}

/** A model's evaluator with the detections it was given. */
export interface ModelEvaluation {
  readonly evaluator: CocoEvaluator;
  readonly detections: readonly Detection[];
}

/**
 * Every evaluated image with both models' matching, in evaluation order. The two evaluators must share the
 * ground truth and the parameters; the matching is read from them, never redone here.
 */
export function pairImages(groundTruth: readonly GroundTruth[], a: ModelEvaluation, b: ModelEvaluation): PairedImage[] {
  const ids = a.evaluator.imageIds;
  const other = b.evaluator.imageIds;
  if (ids.length !== other.length || ids.some((id, i) => id !== other[i])) throw new Error('the two evaluations cover different images');
  const gts = byImage(groundTruth);
  const aDets = byImage(a.detections);
  const bDets = byImage(b.detections);
  return ids.map((imageId) => ({
    imageId,
    groundTruth: gts.get(imageId) ?? [],
    a: modelImage(a.evaluator.imageResult(imageId), aDets.get(imageId) ?? []),
    b: modelImage(b.evaluator.imageResult(imageId), bDets.get(imageId) ?? []),
  }));
}

function modelImage(result: ImageResult, detections: readonly Detection[]): ModelImage {
  if (result.detections.length !== detections.length || result.detections.some((d, i) => d.id !== detections[i].id)) {
    throw new Error(`image ${JSON.stringify(result.imageId)}: the detections are not the ones evaluated`);
  }
  return { result, detections };
}

function byImage<T extends { imageId: ImageId }>(anns: readonly T[]): Map<ImageId, T[]> {
  const out = new Map<ImageId, T[]>();
  for (const ann of anns) {
    let list = out.get(ann.imageId);
    if (!list) out.set(ann.imageId, (list = []));
    list.push(ann);
  }
  return out;
}

export interface EvaluatedPair {
  readonly a: CocoEvaluator;
  readonly b: CocoEvaluator;
  readonly images: PairedImage[];
}

/** Evaluates both models' detections against one ground truth with the same parameters, and pairs the images. */
export function evaluatePair(
  groundTruth: Omit<EvalInput, 'detections'>,
  a: readonly Detection[],
  b: readonly Detection[],
  params: ParamsInput = { iouType: 'bbox' },
): EvaluatedPair {
  const evaluatorA = new CocoEvaluator({ ...groundTruth, detections: a }, params);
  const evaluatorB = new CocoEvaluator({ ...groundTruth, detections: b }, params);
  const images = pairImages(groundTruth.groundTruth, { evaluator: evaluatorA, detections: a }, { evaluator: evaluatorB, detections: b });
  return { a: evaluatorA, b: evaluatorB, images };
}
