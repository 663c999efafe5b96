import type { CocoEvaluator } from '../../../core/eval/cocoEval.js';

/** One model's COCO evaluations over the whole project, as the evaluation worker keeps them. */
export interface ModelEvaluation {
  modelId: number;
  bbox: CocoEvaluator;
  /** Null when some ground truth or prediction has no mask. */
  segm: CocoEvaluator | null;
  /** The same evaluations at the loose IoU thresholds (0.10:0.45), built only once the IoU slider goes below 0.50 (see `evaluatorAt`). */
  loose: { bbox: CocoEvaluator | null; segm: CocoEvaluator | null };
}
