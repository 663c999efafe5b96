import type { Detection, EvalImage, GroundTruth } from '../types.js';
import { fixErrors } from './tideFix.js';
import type { TideMode } from './tideImage.js';
import { runTide, type TideDetectionOutcome, type TideMainError, type TideRunSettings } from './tideRun.js';

export type { TideMode, TideDetectionError } from './tideImage.js';
export type { TideDetectionOutcome, TideDetectionStatus, TideMainError } from './tideRun.js';

export interface TideInput {
  /** The ground truth's images in file order (the order decides ties of score between images). */
  readonly images: readonly EvalImage[];
  /** Crowd regions (`iscrowd`) are tidecv's ignore regions. */
  readonly groundTruth: readonly GroundTruth[];
  /** One model's detections, with unique ids, in file order. */
  readonly detections: readonly Detection[];
}

export interface TideOptions {
  /** Default `bbox`; `segm` compares masks (tidecv's mask mode). */
  readonly mode?: TideMode;
  /** IoU from which a detection is a true positive. Default 0.5. */
  readonly posThreshold?: number;
  /** IoU up to which a false positive is background. Default 0.1. */
  readonly backgroundThreshold?: number;
  /** Detections kept per image, highest scores first, all categories together. Default 100. */
  readonly maxDetections?: number;
}

function settings(options: TideOptions): TideRunSettings {
  return {
    mode: options.mode ?? 'bbox',
    posThreshold: options.posThreshold ?? 0.5,
    backgroundThreshold: options.backgroundThreshold ?? 0.1,
    maxDetections: options.maxDetections ?? 100,
  };
}

/** The COCO IoU thresholds 0.5, 0.55, ..., 0.95, as tidecv lists them. */
export const TIDE_COCO_THRESHOLDS: readonly number[] = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/**
 * tidecv's AP at each threshold (its `evaluate_range`), fractions; their mean is what it prints as
 * "AP @ [50-95]". `options.posThreshold` is not read.
 */
export function tideApByThreshold(input: TideInput, options: TideOptions = {}, thresholds = TIDE_COCO_THRESHOLDS): number[] {
  return thresholds.map((t) => runTide(input, { ...settings(options), posThreshold: t }).apData.meanAp() / 100);
}

/** The main error types in tidecv's order. */
export const TIDE_MAIN_ERRORS: readonly TideMainError[] = ['cls', 'loc', 'both', 'dupe', 'bkg', 'miss'];

export interface TideBreakdown {
  /** tidecv's mAP at `posThreshold` (its own AP: every category with a detection or a ground truth counts). */
  readonly ap: number;
  /** ΔAP from fixing each error type alone, never below 0. Fractions (tidecv prints them ×100). */
  readonly mainErrors: Readonly<Record<TideMainError, number>>;
  /** ΔAP from perfect precision (`falsePos`) and from perfect recall (`falseNeg`). Fractions. */
  readonly specialErrors: { readonly falsePos: number; readonly falseNeg: number };
  /** How many errors of each type. */
  readonly errorCounts: Readonly<Record<TideMainError, number>>;
  /** Per detection, in input order. */
  readonly detections: readonly TideDetectionOutcome[];
  /** Ground truth missed outright (no `cls`/`loc` error points at it), in evaluation order. */
  readonly missedGroundTruthIds: readonly number[];
}

/**
 * The TIDE error breakdown of one model, exactly as tidecv (`TIDE().evaluate(...)` then its main and special
 * errors) computes it at its defaults.
 */
export function tideBreakdown(input: TideInput, options: TideOptions = {}): TideBreakdown {
  const run = runTide(input, settings(options));
  const ap = run.apData.meanAp();
  const mainErrors = {} as Record<TideMainError, number>;
  const errorCounts = {} as Record<TideMainError, number>;
  for (const type of TIDE_MAIN_ERRORS) {
    const fixedAp = fixErrors(run, { fixes: (e) => e.type === type }).meanAp();
    mainErrors[type] = Math.max(fixedAp - ap, 0) / 100;
    errorCounts[type] = run.errors.filter((e) => e.type === type).length;
  }
  const perfectPrecision = fixErrors(run, { transform: (p) => ({ score: p.correct ? 1 : 0, correct: p.correct }) }).meanAp();
  const perfectRecall = fixErrors(run, { dropFalseNegatives: true }).meanAp();
  return {
    ap: ap / 100,
    mainErrors,
    specialErrors: { falsePos: (perfectPrecision - ap) / 100, falseNeg: (perfectRecall - ap) / 100 },
    errorCounts,
    detections: run.detections,
    missedGroundTruthIds: run.missedGroundTruthIds,
  };
}
