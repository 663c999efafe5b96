import type { CocoEvaluator } from '../../../core/eval/cocoEval.js';
import { LOOSE_IOU_THRS } from '../../../core/eval/params.js';
import type { ModelEvaluation } from './modelEvaluation.js';

/** The IoU slider's range: COCO's 0.50:0.95, and below it the loose thresholds down to 0.10. */
export const IOU_SLIDER_MIN = LOOSE_IOU_THRS[0];
export const IOU_SLIDER_MAX = 0.95;

/** Whether the slider's threshold is below COCO's, so that it is read from the loose evaluation. */
export function isLoose(iouThr: number): boolean {
  return iouThr < 0.5 - 1e-9;
}

/** The index of `iouThr` among the evaluator's thresholds, or -1. */
export function thresholdIndex(evaluator: CocoEvaluator, iouThr: number): number {
  return evaluator.params.iouThrs.findIndex((v) => Math.abs(v - iouThr) < 1e-9);
}

/** The evaluation the slider reads at `iouThr`: the standard one at 0.50 and above, the loose one (built the first time it is asked for) below. */
export function evaluatorAt(e: ModelEvaluation, iouType: 'bbox' | 'segm', iouThr: number): CocoEvaluator {
  const standard = iouType === 'segm' && e.segm ? e.segm : e.bbox;
  if (!isLoose(iouThr)) return standard;
  if (standard === e.segm) return (e.loose.segm ??= standard.withIouThresholds(LOOSE_IOU_THRS));
  return (e.loose.bbox ??= standard.withIouThresholds(LOOSE_IOU_THRS));
}

/** The evaluator the slider reads at `iouThr`, the index of the threshold among its own and its exact value. */
export function atThreshold(e: ModelEvaluation, iouType: 'bbox' | 'segm', iouThr: number): { evaluator: CocoEvaluator; t: number; iouThr: number } | null {
  const evaluator = evaluatorAt(e, iouType, iouThr);
  const t = thresholdIndex(evaluator, iouThr);
  return t < 0 ? null : { evaluator, t, iouThr: evaluator.params.iouThrs[t] };
}
