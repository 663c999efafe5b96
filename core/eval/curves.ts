import { resultIndex } from './accumulate.js';
import type { CategoryList } from './categoryList.js';
import type { EvaluatorState } from './evaluatorState.js';
import { orderByScore } from './order.js';

export interface CurveOptions {
  /** An IoU threshold among params.iouThrs (default the first, 0.50). */
  readonly iouThr?: number;
  /** A category id, or null/absent for all categories together. */
  readonly categoryId?: number | null;
  /** An area range label (default 'all'). */
  readonly area?: string;
  /** One of params.maxDets (default the largest). */
  readonly maxDets?: number;
}

/**
 * Precision and recall as the score threshold falls. The raw arrays list the detections that count
 * (ignored ones left out), best score first, with cumulative true and false positives; `interpolated`
 * is pycocotools' precision at each recall level (for all categories, the mean over the categories
 * that have ground truth; -1 where none does).
 */
export interface PrCurve {
  readonly iouThr: number;
  readonly categoryId: number | null;
  /** Ground truths that count. */
  readonly numGt: number;
  readonly scores: Float64Array;
  readonly tp: Uint32Array;
  readonly fp: Uint32Array;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly recThrs: readonly number[];
  readonly interpolated: Float64Array;
}

export interface OperatingPoint {
  readonly scoreThreshold: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** tp / (tp + fp); 0 when nothing is kept. */
  readonly precision: number;
  /** tp / numGt; 0 without ground truth. */
  readonly recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  readonly f1: number;
}

export function prCurve(state: EvaluatorState, options: CurveOptions): PrCurve {
  const { ctx, res, lists } = state;
  const p = ctx.params;
  const { R, M } = res.dims;
  const iouThr = options.iouThr ?? p.iouThrs[0];
  const t = p.iouThrs.indexOf(iouThr);
  const a = p.areaRngLbl.indexOf(options.area ?? 'all');
  const m = p.maxDets.indexOf(options.maxDets ?? p.maxDets[M - 1]);
  if (t < 0) throw new Error(`IoU threshold ${iouThr} is not one of params.iouThrs`);
  if (a < 0) throw new Error(`area range ${JSON.stringify(options.area)} is not one of params.areaRngLbl`);
  if (m < 0) throw new Error(`maxDets ${options.maxDets} is not one of params.maxDets`);
  const categoryId = options.categoryId ?? null;
  let ks: number[];
  if (categoryId === null) ks = lists.map((_, k) => k);
  else {
    const k = state.catIds.indexOf(categoryId);
    if (k < 0 || !p.useCats) throw new Error(`category ${categoryId} is not evaluated separately`);
    ks = [k];
  }

  const parts = ks.map((k) => countedEntries(lists[k], a, t, p.maxDets[m]));
  const total = parts.reduce((n, part) => n + part.score.length, 0);
  const score = new Float64Array(total);
  const hit = new Uint8Array(total);
  let off = 0;
  for (const part of parts) {
    score.set(part.score, off);
    hit.set(part.hit, off);
    off += part.score.length;
  }
  const order = orderByScore(score, total);

  const numGt = ks.reduce((n, k) => n + lists[k].npig[a], 0);
  const curve = {
    scores: new Float64Array(total),
    tp: new Uint32Array(total),
    fp: new Uint32Array(total),
    precision: new Float64Array(total),
    recall: new Float64Array(total),
  };
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < total; i++) {
    const e = order[i];
    if (hit[e]) tp++;
    else fp++;
    curve.scores[i] = score[e];
    curve.tp[i] = tp;
    curve.fp[i] = fp;
    curve.precision[i] = tp / (tp + fp);
    curve.recall[i] = numGt > 0 ? tp / numGt : 0;
  }

  const interpolated = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    let sum = 0;
    let n = 0;
    for (const k of ks) {
      const v = res.precision[resultIndex(res.dims, k, a, m, t, r)];
      if (v > -1) {
        sum += v;
        n++;
      }
    }
    interpolated[r] = n ? sum / n : -1;
  }
  return { iouThr, categoryId, numGt, ...curve, recThrs: p.recThrs, interpolated };
}

/** The list's detections that count at threshold t, in its order: their scores and whether each is a TP. */
function countedEntries(list: CategoryList, a: number, t: number, maxDet: number): { score: Float64Array; hit: Uint8Array } {
  const score: number[] = [];
  const hit: number[] = [];
  const bit = 1 << t;
  for (let e = 0; e < list.n; e++) {
    if (list.rank[e] >= maxDet || list.ig[e * list.A + a] & bit) continue;
    score.push(list.score[e]);
    hit.push(list.tp[e * list.A + a] & bit ? 1 : 0);
  }
  return { score: Float64Array.from(score), hit: Uint8Array.from(hit) };
}

/**
 * Precision, recall and F1 keeping the detections scored at least `scoreThreshold`, from the raw
 * cumulative counts (not the interpolated curve).
 */
export function operatingPoint(curve: PrCurve, scoreThreshold: number): OperatingPoint {
  let lo = 0;
  let hi = curve.scores.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (curve.scores[mid] >= scoreThreshold) lo = mid + 1;
    else hi = mid;
  }
  const tp = lo > 0 ? curve.tp[lo - 1] : 0;
  const fp = lo > 0 ? curve.fp[lo - 1] : 0;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = curve.numGt > 0 ? tp / curve.numGt : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { scoreThreshold, tp, fp, fn: curve.numGt - tp, precision, recall, f1 };
}
