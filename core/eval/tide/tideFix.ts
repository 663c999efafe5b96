import { TideApData, type TideApPoint } from './tideApData.js';
import type { TideErrorRecord, TideRun } from './tideRun.js';

export interface TideFix {
  /** Which errors to fix; the others keep their original data point. */
  readonly fixes?: (error: TideErrorRecord) => boolean;
  /** Rewrites every data point after fixing (the FalsePos error scores true positives 1 and the rest 0). */
  readonly transform?: (point: TideApPoint) => TideApPoint;
  /** Takes every unmatched ground truth off the positives (the FalseNeg error). */
  readonly dropFalseNegatives?: boolean;
}

/**
 * Rebuilds the AP data with some errors fixed, in tidecv's order: first every error's data point (fixed or not),
 * then the run's true positives category by category, then the ground-truth positives. That order decides ties
 * of score, so even fixing nothing can move the AP off the run's own.
 */
export function fixErrors(run: TideRun, { fixes, transform, dropFalseNegatives = false }: TideFix): TideApData {
  const gtPositives = run.apData.gtPositives();
  const fixedData = new TideApData();
  const push = (categoryId: number, id: number, point: TideApPoint) => fixedData.push(categoryId, id, transform ? transform(point) : point);
  for (const error of run.errors) {
    let entry = error.original;
    if (fixes?.(error)) {
      const fixed = error.fixed;
      if (fixed !== null && 'gtRemoved' in fixed) {
        gtPositives.set(fixed.gtRemoved, gtPositives.get(fixed.gtRemoved)! - 1);
        entry = null;
      } else {
        entry = fixed;
      }
    }
    if (entry) push(entry.categoryId, entry.id, entry.point);
  }
  for (const categoryId of gtPositives.keys()) {
    for (const [id, point] of run.apData.truePositives(categoryId)) push(categoryId, id, point);
  }
  for (const [categoryId, count] of gtPositives) {
    const dropped = dropFalseNegatives ? (run.falseNegatives.get(categoryId) ?? 0) : 0;
    fixedData.addGtPositives(categoryId, count - dropped);
  }
  return fixedData;
}
