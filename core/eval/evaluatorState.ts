import type { CategoryMajor } from './accumulate.js';
import type { CategoryList } from './categoryList.js';
import type { EvalContext } from './evalContext.js';
import type { ImageData, ImageEval } from './imageEval.js';
import type { EvalImage } from './types.js';

/** What the result views read; owned by a CocoEvaluator (cocoEval.ts). */
export interface EvaluatorState {
  readonly ctx: EvalContext;
  /** Evaluated images in evaluation order (ascending ids). */
  readonly images: readonly EvalImage[];
  readonly data: readonly ImageData[];
  readonly evals: readonly ImageEval[];
  readonly lists: readonly CategoryList[];
  /** Evaluated category ids, ascending; accumulation index k is the position here (0 for all when pooled). */
  readonly catIds: readonly number[];
  readonly res: CategoryMajor;
}
