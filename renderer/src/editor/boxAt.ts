import { boxArea, boxContainsPoint, type Box, type Point } from '../../../core/geometry/box.js';

/**
 * What the pointer is on, for ground truth and predictions alike: of the boxes holding the point, the one with
 * the smallest area, so a box nested in a bigger one is reached by pointing inside it. A tie goes to the item
 * listed first.
 */
export function boxAt<T extends { bbox: Box }>(items: readonly T[], point: Point): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (boxContainsPoint(item.bbox, point) && (!best || boxArea(item.bbox) < boxArea(best.bbox))) best = item;
  }
  return best;
}
