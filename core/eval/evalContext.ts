import type { CellMatcher } from './matching.js';
import type { EvalParams } from './params.js';

/** What every image's evaluation shares: the parameters and the categories being evaluated. */
export interface EvalContext {
  readonly params: EvalParams;
  readonly T: number;
  readonly A: number;
  /** Category id → index among the evaluated categories (ascending ids), -1 when not evaluated. */
  readonly catIndex: (categoryId: number) => number;
  /** Matching starts from min(threshold, 1 - 1e-10). */
  readonly thresholds: Float64Array;
  readonly lowestThreshold: number;
  readonly areaLo: Float64Array;
  readonly areaHi: Float64Array;
  readonly maxDet: number;
  /** Working arrays reused from image to image. */
  readonly matcher: CellMatcher;
  readonly scratch: { ious: Float64Array; crowd: Uint8Array };
}
