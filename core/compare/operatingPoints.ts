import { operatingPoint, type OperatingPoint, type PrCurve } from '../eval/curves.js';

export interface FalseAlarmRatePoint extends OperatingPoint {
  /** False alarms per image kept at this threshold. */
  readonly falseAlarmsPerImage: number;
}

export interface OperatingPoints {
  /** The score threshold of highest F1; null when no threshold finds anyone. */
  readonly bestF1: OperatingPoint | null;
  /** The lowest score threshold keeping at most `falseAlarmsPerImageTarget` false alarms per image; null when even the best-scored detection exceeds it. */
  readonly atFalseAlarmRate: FalseAlarmRatePoint | null;
  readonly falseAlarmsPerImageTarget: number;
}

export const DEFAULT_FALSE_ALARMS_PER_IMAGE = 0.1;

/**
 * A model's two working thresholds, read from its precision/recall curve (one IoU threshold, all categories,
 * the curve's area range and maxDets: for 0.5, 'all', 100, pycocotools' AP50 matching). Only scores that
 * detections have are candidates, and a threshold keeps every detection scored at least it. F1 ties go to the
 * higher threshold. False alarms are the curve's false positives (detections on crowd regions do not count).
 */
export function operatingPoints(curve: PrCurve, imageCount: number, falseAlarmsPerImage = DEFAULT_FALSE_ALARMS_PER_IMAGE): OperatingPoints {
  let bestF1: OperatingPoint | null = null;
  let atFalseAlarmRate: FalseAlarmRatePoint | null = null;
  let withinRate = true;
  const n = curve.scores.length;
  for (let i = 0; i < n; i++) {
    if (i + 1 < n && curve.scores[i + 1] === curve.scores[i]) continue;
    const point = operatingPoint(curve, curve.scores[i]);
    if (point.f1 > 0 && (!bestF1 || point.f1 > bestF1.f1)) bestF1 = point;
    const rate = imageCount > 0 ? point.fp / imageCount : Infinity;
    withinRate &&= rate <= falseAlarmsPerImage;
    if (withinRate) atFalseAlarmRate = { ...point, falseAlarmsPerImage: rate };
  }
  return { bestF1, atFalseAlarmRate, falseAlarmsPerImageTarget: falseAlarmsPerImage };
}
