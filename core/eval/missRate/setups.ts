/**
 * The four evaluation setups of CityPersons' miss-rate evaluator and the parameters every setup shares.
 * Ranges are inclusive: a ground truth outside either range is ignored in that setup.
 */

export type MissRateSetupName = 'reasonable' | 'small' | 'heavy' | 'all';

export interface MissRateSetup {
  readonly name: MissRateSetupName;
  /** The evaluator's own label, as it prints it. */
  readonly label: string;
  /** What the app and reports call it, with what it selects. */
  readonly title: string;
  /** `[lowest, highest]` pedestrian height in pixels. */
  readonly height: readonly [number, number];
  /** `[lowest, highest]` visible fraction of the pedestrian. */
  readonly visibility: readonly [number, number];
}

/** Stands for "no upper bound" in the ranges, as the evaluator writes it (1e5 squared). */
const UNBOUNDED = 1e10;

export const MISS_RATE_SETUPS: readonly MissRateSetup[] = [
  { name: 'reasonable', label: 'Reasonable', title: 'Reasonable (≥ 50 px, ≥ 65% visible)', height: [50, UNBOUNDED], visibility: [0.65, UNBOUNDED] },
  { name: 'small', label: 'Reasonable_small', title: 'Small (50–75 px)', height: [50, 75], visibility: [0.65, UNBOUNDED] },
  { name: 'heavy', label: 'Reasonable_occ=heavy', title: 'Heavy occlusion (20–65% visible)', height: [50, UNBOUNDED], visibility: [0.2, 0.65] },
  { name: 'all', label: 'All', title: 'All (≥ 20 px, ≥ 20% visible)', height: [20, UNBOUNDED], visibility: [0.2, UNBOUNDED] },
];

/** The only category scored; ground truth and detections of other categories take no part. */
export const PEDESTRIAN_CATEGORY_ID = 1;

/**
 * The overlap a detection must reach (or beat) to be held by a ground truth: the IoU threshold 0.5, capped at
 * 1 − 1e-10 as the evaluator caps every threshold.
 */
export const MATCH_THRESHOLD = Math.min(0.5, 1 - 1e-10);

/** Detections kept per image, highest scores first, before the height filter. */
export const MAX_DETECTIONS = 1000;

/** Detections are kept when `height lowest / 1.25 ≤ height < height highest × 1.25`. */
export const DETECTION_HEIGHT_MARGIN = 1.25;

/** False positives per image at which the miss rate is sampled: nine points evenly spaced in log from 10⁻² to 1. */
export const FPPI_POINTS: readonly number[] = [0.01, 0.0178, 0.0316, 0.0562, 0.1, 0.1778, 0.3162, 0.5623, 1.0];
