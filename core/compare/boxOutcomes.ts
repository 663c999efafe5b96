import type { ImageResult } from '../eval/imageResult.js';

export type PredictionOutcome = 'tp' | 'fp' | 'ignored';

export interface PredictionMark {
  outcome: PredictionOutcome;
  /** IoU with the matched ground truth, or with the best-overlapping one when unmatched. */
  iou: number;
  gtId: number | null;
}

export interface BoxOutcomes {
  /** Predictions at or above the score threshold, by id. */
  predictions: Map<number, PredictionMark>;
  /** Ground truths no shown prediction matched. */
  missed: Set<number>;
  /** Ground truths matched by a shown prediction. */
  found: Set<number>;
}

/**
 * What each box of one image is at an IoU threshold (index into the evaluation's thresholds) and a score
 * threshold. Matching is greedy by score, so the matches of the predictions kept by a score threshold do not
 * depend on the ones it hides: a ground truth counts as found only when its match is itself shown.
 */
export function boxOutcomes(result: ImageResult, iouIndex: number, scoreThreshold: number): BoxOutcomes {
  const predictions = new Map<number, PredictionMark>();
  const shown = new Set<number>();
  for (const d of result.detections) {
    if (d.score < scoreThreshold) continue;
    shown.add(d.id);
    const raw = d.outcome[iouIndex];
    const outcome: PredictionOutcome = raw === 'tp' ? 'tp' : raw === 'fp' ? 'fp' : 'ignored';
    const gtId = d.matchedGtId[iouIndex];
    predictions.set(d.id, gtId !== null ? { outcome, iou: d.matchedIou[iouIndex], gtId } : { outcome, iou: d.bestIou, gtId: d.bestGtId });
  }
  const missed = new Set<number>();
  const found = new Set<number>();
  for (const g of result.groundTruths) {
    if (g.ignored || g.outcome[iouIndex] === 'ignored') continue;
    const dt = g.matchedDtId[iouIndex];
    if (dt !== null && shown.has(dt)) found.add(g.id);
    else missed.add(g.id);
  }
  return { predictions, missed, found };
}
