import { accumulateCategory, emptyResults, Walk, type CategoryMajor } from '../eval/accumulate.js';
import { CategoryList } from '../eval/categoryList.js';
import type { ImageResult } from '../eval/imageResult.js';
import { orderByScore } from '../eval/order.js';
import type { EvalParams } from '../eval/params.js';
import { meanOf } from '../eval/cocoStats.js';

/** The stats a resample is scored on. */
export interface HeadlineStats {
  readonly AP: number;
  readonly AP50: number;
  readonly AR100: number;
}

/** One category's evaluated detections over all images, in accumulation order, and its ground-truth counts. */
interface CategoryEntries {
  readonly score: Float64Array;
  readonly img: Int32Array;
  /** True-positive and ignored bits per IoU threshold (area 'all'). */
  readonly tp: Uint32Array;
  readonly ig: Uint32Array;
  /** Starts of the runs of entries of one image with one score (and n at the end): a resample repeats runs whole. */
  readonly runs: Int32Array;
  /** Images holding ground truth that counts, and how many each holds. */
  readonly gtImg: Int32Array;
  readonly gtCount: Int32Array;
}

/**
 * One model's per-image matching laid out so that the stats of any multiset of images cost one accumulation,
 * with no matching: a resample counting image i w times is pycocotools' evaluation of a set where image i
 * appears w times in a row (each copy matched as the original was). Its detections enter each category's list
 * w times, copies of one image next to each other, which is where equal scores place them: ties are ordered by
 * image, then by rank within the image, as the evaluation orders them.
 *
 * With every image counted once, the stats are the evaluator's own, bit for bit (area 'all', the largest
 * maxDets; the default parameters' AP, AP50 and AR100).
 */
export class ResampledStats {
  private readonly categories: CategoryEntries[];
  private readonly list: CategoryList;
  private readonly walk: Walk;
  private readonly res: CategoryMajor;
  private readonly params: EvalParams;
  private readonly maxDet: number;

  /** `results`: one per image, area range 0, in evaluation order; `params`: the evaluation's. */
  constructor(results: readonly ImageResult[], params: EvalParams) {
    this.maxDet = params.maxDets[params.maxDets.length - 1];
    this.params = { ...params, areaRng: [params.areaRng[0]], areaRngLbl: ['all'], maxDets: [this.maxDet] };
    this.categories = layOut(results, params);
    const T = params.iouThrs.length;
    this.list = new CategoryList(1, [this.maxDet]);
    this.walk = new Walk(T, 1, 1);
    this.res = emptyResults({ T, R: params.recThrs.length, K: this.categories.length, A: 1, M: 1 });
  }

  /** AP, AP50 and AR100 counting image i `multiplicity[i]` times (-1 where no ground truth counts). */
  stats(multiplicity: ArrayLike<number>): HeadlineStats {
    this.categories.forEach((c, k) => {
      this.fill(c, multiplicity);
      accumulateCategory(this.res, k, this.list, this.walk, this.params.recThrs);
    });
    const p = this.params;
    return {
      AP: meanOf(this.res, p, true, null, 'all', this.maxDet),
      AP50: meanOf(this.res, p, true, 0.5, 'all', this.maxDet),
      AR100: meanOf(this.res, p, false, null, 'all', this.maxDet),
    };
  }

  /** Writes the category's resampled list: each run of equal score within one image, repeated per copy. */
  private fill(c: CategoryEntries, multiplicity: ArrayLike<number>): void {
    const list = this.list;
    let npig = 0;
    for (let i = 0; i < c.gtImg.length; i++) npig += multiplicity[c.gtImg[i]] * c.gtCount[i];
    list.npig[0] = npig;
    const { runs } = c;
    const last = runs.length - 1;
    let total = 0;
    for (let r = 0; r < last; r++) total += multiplicity[c.img[runs[r]]] * (runs[r + 1] - runs[r]);
    list.reserve(total);
    const { score, tp, ig } = list;
    let out = 0;
    for (let r = 0; r < last; r++) {
      const start = runs[r];
      const end = runs[r + 1];
      for (let copy = multiplicity[c.img[start]]; copy > 0; copy--) {
        for (let e = start; e < end; e++, out++) {
          score[out] = c.score[e];
          tp[out] = c.tp[e];
          ig[out] = c.ig[e];
        }
      }
    }
    // Every entry is within the one maxDets kept, so its class stays 0 (reserve allocates zeroed arrays).
  }
}

/**
 * Each category with ground truth that counts (the others are -1 in every resample and never enter a mean),
 * ascending (one for all when categories are pooled): its evaluated detections ordered as the evaluation
 * orders them, score descending, ties by image, then by rank within the image.
 */
function layOut(results: readonly ImageResult[], params: EvalParams): CategoryEntries[] {
  const pooled = !params.useCats;
  const keyOf = (categoryId: number) => (pooled ? 0 : categoryId);
  const counted = new Set<number>();
  for (const r of results) for (const g of r.groundTruths) if (!g.ignored) counted.add(keyOf(g.categoryId));
  const keys = [...counted].sort((x, y) => x - y);
  const slot = new Map(keys.map((key, k) => [key, k]));
  const T = params.iouThrs.length;

  const score = keys.map(() => [] as number[]);
  const img = keys.map(() => [] as number[]);
  const tp = keys.map(() => [] as number[]);
  const ig = keys.map(() => [] as number[]);
  const gtImg = keys.map(() => [] as number[]);
  const gtCount = keys.map(() => [] as number[]);
  results.forEach((r, i) => {
    const perCategory = new Map<number, number>();
    for (const g of r.groundTruths) if (!g.ignored) perCategory.set(keyOf(g.categoryId), (perCategory.get(keyOf(g.categoryId)) ?? 0) + 1);
    for (const [key, n] of perCategory) {
      gtImg[slot.get(key)!].push(i);
      gtCount[slot.get(key)!].push(n);
    }
    // Rank within the image: score descending, stably over category then input order (as the cells sort).
    const evaluated = r.detections.filter((d) => d.outcome[0] !== 'unevaluated' && slot.has(keyOf(d.categoryId)));
    const ranked = evaluated.map((d, at) => ({ d, at })).sort((x, y) => y.d.score - x.d.score || (pooled ? x.d.categoryId - y.d.categoryId : 0) || x.at - y.at);
    for (const { d } of ranked) {
      const k = slot.get(keyOf(d.categoryId))!;
      let tpBits = 0;
      let igBits = 0;
      for (let t = 0; t < T; t++) {
        if (d.outcome[t] === 'tp') tpBits |= 1 << t;
        else if (d.outcome[t] === 'ignored') igBits |= 1 << t;
      }
      score[k].push(d.score);
      img[k].push(i);
      tp[k].push(tpBits >>> 0);
      ig[k].push(igBits >>> 0);
    }
  });
  return keys.map((_, k) => {
    const s = Float64Array.from(score[k]);
    const order = orderByScore(s, s.length);
    const pick = <A extends Float64Array | Int32Array | Uint32Array>(from: number[], make: (n: number) => A): A => {
      const out = make(order.length);
      for (let e = 0; e < order.length; e++) out[e] = from[order[e]];
      return out;
    };
    const sorted = pick(score[k], (n) => new Float64Array(n));
    const images = pick(img[k], (n) => new Int32Array(n));
    const runs = [0];
    for (let e = 1; e <= sorted.length; e++) {
      if (e === sorted.length || images[e] !== images[e - 1] || sorted[e] !== sorted[e - 1]) runs.push(e);
    }
    return {
      score: sorted,
      img: images,
      tp: pick(tp[k], (n) => new Uint32Array(n)),
      ig: pick(ig[k], (n) => new Uint32Array(n)),
      runs: Int32Array.from(runs),
      gtImg: Int32Array.from(gtImg[k]),
      gtCount: Int32Array.from(gtCount[k]),
    };
  });
}
