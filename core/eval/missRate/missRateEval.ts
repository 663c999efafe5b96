import { parseCocoGroundTruth, parseCocoResults } from '../../formats/cocoJson.js';
import { compareImageIds } from '../types.js';
import { matchImage, type ImageMatch, type MissRateDetection } from './imageMatching.js';
import { missRateCurve, type MissRatePoint } from './missRateCurve.js';
import { readMissRateGroundTruth, type MissRateGroundTruth, type PedestrianGroundTruth } from './missRateGroundTruth.js';
import { MISS_RATE_SETUPS, PEDESTRIAN_CATEGORY_ID, type MissRateSetup, type MissRateSetupName } from './setups.js';
import { groupByImage } from '../groupByImage.js';

export interface MissRateCounts {
  /** Every image of the ground-truth file: the FPPI denominator. */
  readonly images: number;
  /** Images with a pedestrian ground truth or detection; the others are skipped. */
  readonly evaluatedImages: number;
  /** Ground truths the setup asks to find (not ignored). */
  readonly groundTruths: number;
  readonly ignoredGroundTruths: number;
  /** Detections kept (top 1000 per image, within the height margin), ignored ones included. */
  readonly detections: number;
  /** Kept detections that fell on an ignored ground truth. */
  readonly ignoredDetections: number;
  readonly truePositives: number;
  readonly falsePositives: number;
}

export interface MissRateResult {
  readonly setup: MissRateSetup;
  /** MR⁻² as a fraction (the evaluator prints it ×100); null when the setup has no ground truth to find. */
  readonly logAverageMissRate: number | null;
  /** The miss rate at each of the nine FPPI points; empty when there is nothing to find. */
  readonly samples: readonly MissRatePoint[];
  /** Miss rate against FPPI, one point per detection that is not ignored, for plotting. */
  readonly curve: readonly MissRatePoint[];
  readonly counts: MissRateCounts;
}

export type MissRateReport = Readonly<Record<MissRateSetupName, MissRateResult>>;

/** Log-average miss rate in each of CityPersons' four setups, by the rules of its evaluator. */
export function evaluateMissRate(gt: MissRateGroundTruth, detections: readonly MissRateDetection[]): MissRateReport {
  const [reasonable, small, heavy, all] = MISS_RATE_SETUPS.map((setup) => evaluateMissRateSetup(gt, detections, setup));
  return { reasonable, small, heavy, all };
}

/** Reads a COCO ground-truth file (CityPersons fields optional) and COCO results, and evaluates every setup. */
export function evaluateMissRateJson(groundTruthJson: unknown, resultsJson: unknown): MissRateReport {
  const coco = parseCocoGroundTruth(groundTruthJson, { segmentations: false });
  const detections = parseCocoResults(resultsJson, coco, { segmentations: false });
  return evaluateMissRate(readMissRateGroundTruth(groundTruthJson, coco), detections);
}

/**
 * One setup. Images are taken in id order; only pedestrians (category 1) are scored; detections on images
 * outside the ground truth's list take no part.
 */
export function evaluateMissRateSetup(gt: MissRateGroundTruth, detections: readonly MissRateDetection[], setup: MissRateSetup): MissRateResult {
  const gtsByImage = groupByImage(gt.annotations.filter((g) => g.categoryId === PEDESTRIAN_CATEGORY_ID));
  const dtsByImage = groupByImage(detections.filter((d) => d.categoryId === PEDESTRIAN_CATEGORY_ID));
  const imageIds = [...new Set(gt.imageIds)].sort(compareImageIds);
  const matches: ImageMatch[] = [];
  for (const id of imageIds) {
    const gts: readonly PedestrianGroundTruth[] = gtsByImage.get(id) ?? [];
    const dts: readonly MissRateDetection[] = dtsByImage.get(id) ?? [];
    if (gts.length > 0 || dts.length > 0) matches.push(matchImage(gts, dts, setup));
  }
  const counts = countsOf(matches, imageIds.length);
  if (counts.groundTruths === 0) return { setup, logAverageMissRate: null, samples: [], curve: [], counts };
  const curve = missRateCurve(matches, counts.groundTruths, counts.images);
  return { setup, logAverageMissRate: curve.logAverageMissRate, samples: curve.samples, curve: curve.points, counts };
}

function countsOf(matches: readonly ImageMatch[], images: number): MissRateCounts {
  const outcomes = matches.flatMap((m) => m.outcomes);
  const sum = (f: (m: ImageMatch) => number): number => matches.reduce((s, m) => s + f(m), 0);
  return {
    images,
    evaluatedImages: matches.length,
    groundTruths: sum((m) => m.groundTruths),
    ignoredGroundTruths: sum((m) => m.ignoredGroundTruths),
    detections: outcomes.length,
    ignoredDetections: outcomes.filter((o) => o === 'ignored').length,
    truePositives: outcomes.filter((o) => o === 'true-positive').length,
    falsePositives: outcomes.filter((o) => o === 'false-positive').length,
  };
}
