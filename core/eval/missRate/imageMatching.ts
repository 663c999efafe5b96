import type { Box, Detection } from '../types.js';
import type { PedestrianGroundTruth } from './missRateGroundTruth.js';
import { DETECTION_HEIGHT_MARGIN, MATCH_THRESHOLD, MAX_DETECTIONS, type MissRateSetup } from './setups.js';

/** What the miss-rate evaluation needs of a detection. */
export type MissRateDetection = Pick<Detection, 'imageId' | 'categoryId' | 'score' | 'bbox'>;

/**
 * What became of a detection: found a pedestrian, found none, or fell on an ignored ground truth (which
 * neither helps nor hurts). A detection held by a ground truth whose id is 0 is a false positive: the
 * evaluator records a match as the ground truth's id and reads 0 as "no match".
 */
export type DetectionOutcome = 'true-positive' | 'false-positive' | 'ignored';

/** One image's detections after matching, highest score first. */
export interface ImageMatch {
  readonly scores: readonly number[];
  readonly outcomes: readonly DetectionOutcome[];
  readonly groundTruths: number;
  readonly ignoredGroundTruths: number;
}

/** Whether a setup ignores a ground truth: its own flag, or its height or visibility outside the setup's ranges. */
export function ignoredInSetup(gt: PedestrianGroundTruth, setup: MissRateSetup): boolean {
  const [hlo, hhi] = setup.height;
  const [vlo, vhi] = setup.visibility;
  return gt.ignore || gt.height < hlo || gt.height > hhi || gt.visibility < vlo || gt.visibility > vhi;
}

/**
 * Matches one image's detections of one category with its ground truth, as CityPersons' evaluator does.
 * Ground truths go ignored last; detections go highest score first, are cut to the first 1000 and only then
 * to the heights the setup can use. Each detection walks the ground truths in order holding the best overlap
 * of at least 0.5 (a later equal one replaces it); it stops at the first ignored ground truth once it holds
 * one. Regular ground truths are consumed by the detection they end up with; ignored ones absorb any number.
 */
export function matchImage(groundTruths: readonly PedestrianGroundTruth[], detections: readonly MissRateDetection[], setup: MissRateSetup): ImageMatch {
  const flagged = groundTruths.map((gt) => ({ gt, ignored: ignoredInSetup(gt, setup) }));
  const ordered = [...flagged.filter((g) => !g.ignored), ...flagged.filter((g) => g.ignored)];
  const kept = keptDetections(detections, setup);
  const consumed = new Array<boolean>(ordered.length).fill(false);
  const outcomes = kept.map((d): DetectionOutcome => {
    let best = MATCH_THRESHOLD;
    let held = -1;
    for (let g = 0; g < ordered.length; g++) {
      if (consumed[g]) continue;
      if (held >= 0 && ordered[g].ignored) break;
      const o = overlap(d.bbox, ordered[g].gt.bbox, ordered[g].ignored);
      if (o < best) continue;
      best = o;
      held = g;
    }
    if (held < 0) return 'false-positive';
    if (ordered[held].ignored) return 'ignored';
    consumed[held] = true;
    return ordered[held].gt.id !== 0 ? 'true-positive' : 'false-positive';
  });
  const ignoredGroundTruths = flagged.filter((g) => g.ignored).length;
  return {
    scores: kept.map((d) => d.score),
    outcomes,
    groundTruths: flagged.length - ignoredGroundTruths,
    ignoredGroundTruths,
  };
}

/** Highest score first (ties in input order), the first 1000, then those within the setup's height margin. */
function keptDetections(detections: readonly MissRateDetection[], setup: MissRateSetup): MissRateDetection[] {
  const [hlo, hhi] = setup.height;
  return [...detections]
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_DETECTIONS)
    .filter((d) => d.bbox[3] >= hlo / DETECTION_HEIGHT_MARGIN && d.bbox[3] < hhi * DETECTION_HEIGHT_MARGIN);
}

/**
 * Box overlap: intersection over union, or intersection over the detection's area when the ground truth is
 * ignored. Boxes that do not overlap (an intersection of width or height at most 0) give 0. The arithmetic is
 * done in the evaluator's order so that values on a threshold land on the same side.
 */
export function overlap(d: Box, g: Box, ignoredGroundTruth: boolean): number {
  const w = Math.min(d[0] + d[2], g[0] + g[2]) - Math.max(d[0], g[0]);
  if (w <= 0) return 0;
  const h = Math.min(d[1] + d[3], g[1] + g[3]) - Math.max(d[1], g[1]);
  if (h <= 0) return 0;
  const intersection = w * h;
  const detectionArea = d[2] * d[3];
  return intersection / (ignoredGroundTruth ? detectionArea : detectionArea + g[2] * g[3] - intersection);
}
