import { resultIndex, Walk } from './accumulate.js';
import { CategoryList } from './categoryList.js';
import type { EvaluatorState } from './evaluatorState.js';
import type { ImageEval } from './imageEval.js';
import type { ImageId } from './types.js';

export interface ImageSummary {
  readonly imageId: ImageId;
  /** AP@[.50:.95] of this image alone (area all, largest maxDets), averaged over its categories; -1 without ground truth. */
  readonly ap: number;
  /** AP at IoU 0.50 (-1 when 0.50 is not a threshold or there is no ground truth). */
  readonly ap50: number;
  /** Ground truths that count (not crowd). */
  readonly numGt: number;
  /** Evaluated detections. */
  readonly numDt: number;
  /** Per IoU threshold, over the evaluated detections (area all). */
  readonly tp: readonly number[];
  readonly fp: readonly number[];
  readonly fn: readonly number[];
}

export function imageSummaries(state: EvaluatorState): ImageSummary[] {
  const summarise = summariser(state);
  return state.evals.map((_, i) => summarise(i));
}

/** The summary of the image at position `i` alone (as one entry of {@link imageSummaries}). */
export function imageSummary(state: EvaluatorState, i: number): ImageSummary {
  return summariser(state)(i);
}

/** Summarises images by position, reusing one walk and its buffers. */
function summariser(state: EvaluatorState): (i: number) => ImageSummary {
  const { ctx } = state;
  const { T } = ctx;
  const R = ctx.params.recThrs.length;
  const t50 = ctx.params.iouThrs.indexOf(0.5);
  const walk = new Walk(T, ctx.A, 1);
  const precision = new Float64Array(R);
  const scores = new Float64Array(R);
  return (i) => {
    const ev = state.evals[i];
    const C = ev.cellCat.length;
    const D = ev.dtScore.length;
    const tp = new Array<number>(T).fill(0);
    const fp = new Array<number>(T).fill(0);
    let numGt = 0;
    let apSum = 0;
    let ap50Sum = 0;
    let counted = 0;
    for (let c = 0; c < C; c++) {
      const npig = ev.npig[c];
      numGt += npig;
      for (let p = ev.dtStart[c]; p < ev.dtStart[c + 1]; p++) {
        for (let t = 0; t < T; t++) {
          if (ev.dtTp[p] & (1 << t)) tp[t]++;
          else if (!(ev.dtIg[p] & (1 << t))) fp[t]++;
        }
      }
      if (npig === 0) continue;
      walk.run(cellList(ev, i, c, ctx.A, ctx.maxDet));
      for (let t = 0; t < T; t++) {
        walk.interpolate(0, 0, t, npig, ctx.params.recThrs, precision, scores, 0);
        let sum = 0;
        for (let r = 0; r < R; r++) sum += precision[r];
        apSum += sum / R;
        if (t === t50) ap50Sum += sum / R;
      }
      counted++;
    }
    return {
      imageId: state.images[i].id,
      ap: counted ? apSum / T / counted : -1,
      ap50: counted && t50 >= 0 ? ap50Sum / counted : -1,
      numGt,
      numDt: D,
      tp,
      fp,
      fn: tp.map((n) => numGt - n),
    };
  };
}

/** One cell of one image as a category list, for per-image accumulation. */
function cellList(ev: ImageEval, img: number, c: number, A: number, maxDet: number): CategoryList {
  const first = ev.dtStart[c];
  const list = new CategoryList(A, [maxDet]);
  list.reserve(ev.dtStart[c + 1] - first);
  for (let e = 0; e < list.n; e++) list.setFromImage(e, img, ev, first + e, e);
  for (let a = 0; a < A; a++) list.npig[a] = ev.npig[a * ev.cellCat.length + c];
  return list;
}

export interface CategoryResult {
  /** The category id, or null for the pooled entry when useCats is false. */
  readonly categoryId: number | null;
  /** Ground truths that count (area all). */
  readonly numGt: number;
  /** Evaluated detections. */
  readonly numDt: number;
  /** -1 when the category has no ground truth that counts. */
  readonly ap: number;
  readonly ap50: number;
  readonly ap75: number;
  /** AR at the largest maxDets. */
  readonly ar: number;
}

export function categoryResults(state: EvaluatorState): CategoryResult[] {
  const { res, ctx, lists } = state;
  const { T, R, M } = res.dims;
  const p = ctx.params;
  const mean = (values: number[]) => {
    const kept = values.filter((v) => v > -1);
    return kept.length ? kept.reduce((x, y) => x + y, 0) / kept.length : -1;
  };
  const precisionAt = (k: number, ts: number[]) =>
    mean(ts.flatMap((t) => Array.from({ length: R }, (_, r) => res.precision[resultIndex(res.dims, k, 0, M - 1, t, r)])));
  const all = Array.from({ length: T }, (_, t) => t);
  const thr = (v: number) => p.iouThrs.flatMap((x, t) => (x === v ? [t] : []));
  return lists.map((list, k) => ({
    categoryId: p.useCats ? state.catIds[k] : null,
    numGt: list.npig[0],
    numDt: list.n,
    ap: precisionAt(k, all),
    ap50: precisionAt(k, thr(0.5)),
    ap75: precisionAt(k, thr(0.75)),
    ar: mean(all.map((t) => res.recall[resultIndex(res.dims, k, 0, M - 1, t, 0, 1)])),
  }));
}
