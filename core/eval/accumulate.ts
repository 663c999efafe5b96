import type { CategoryList } from './categoryList.js';

/** numpy's spacing(1): keeps precision defined when nothing was detected. */
const EPS = 2.220446049250313e-16;

/** Sizes of the accumulated arrays: thresholds, recall levels, categories, area ranges, maxDets. */
export interface Dims {
  readonly T: number;
  readonly R: number;
  readonly K: number;
  readonly A: number;
  readonly M: number;
}

/**
 * pycocotools' `eval` arrays, flat and row-major: precision and scores `[T][R][K][A][M]`, recall
 * `[T][K][A][M]`; -1 where a category has no ground truth that counts.
 */
export interface Accumulation {
  readonly layout: 'coco';
  readonly dims: Dims;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly scores: Float64Array;
}

/**
 * The same values kept category-major, so that one category's results are one contiguous block:
 * precision and scores `[K][A][M][T][R]`, recall `[K][A][M][T]`.
 */
export interface CategoryMajor {
  readonly layout: 'category-major';
  readonly dims: Dims;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly scores: Float64Array;
}

export function emptyResults(dims: Dims): CategoryMajor {
  const { T, R, K, A, M } = dims;
  return {
    layout: 'category-major',
    dims,
    precision: new Float64Array(K * A * M * T * R).fill(-1),
    recall: new Float64Array(K * A * M * T).fill(-1),
    scores: new Float64Array(K * A * M * T * R).fill(-1),
  };
}

/** Index of (k, a, m, t, r) in {@link CategoryMajor} precision and scores (r = 0 for recall with R = 1). */
export function resultIndex(dims: Dims, k: number, a: number, m: number, t: number, r: number, R = dims.R): number {
  return (((k * dims.A + a) * dims.M + m) * dims.T + t) * R + r;
}

/** The results in pycocotools' layout. */
export function toCocoLayout(res: CategoryMajor): Accumulation {
  const { T, R, K, A, M } = res.dims;
  const out: Accumulation = {
    layout: 'coco',
    dims: res.dims,
    precision: new Float64Array(T * R * K * A * M),
    recall: new Float64Array(T * K * A * M),
    scores: new Float64Array(T * R * K * A * M),
  };
  let from = 0;
  for (let k = 0; k < K; k++) {
    for (let a = 0; a < A; a++) {
      for (let m = 0; m < M; m++) {
        for (let t = 0; t < T; t++) {
          out.recall[((t * K + k) * A + a) * M + m] = res.recall[from / R];
          for (let r = 0; r < R; r++, from++) {
            const to = (((t * R + r) * K + k) * A + a) * M + m;
            out.precision[to] = res.precision[from];
            out.scores[to] = res.scores[from];
          }
        }
      }
    }
  }
  return out;
}

/**
 * Fills category `k` of `out` from its list. Only true positives move recall, so the walk records, per
 * threshold, the precision at each true positive; the precision envelope and its reading at each recall
 * level follow from those alone, value for value as pycocotools computes them.
 */
export function accumulateCategory(out: CategoryMajor, k: number, list: CategoryList, walk: Walk, recThrs: readonly number[]): void {
  const { T, R, A, M } = out.dims;
  const { precision, recall, scores } = out;
  const first = resultIndex(out.dims, k, 0, 0, 0, 0);
  precision.fill(-1, first, first + A * M * T * R);
  scores.fill(-1, first, first + A * M * T * R);
  recall.fill(-1, first / R, first / R + A * M * T);
  walk.run(list);
  for (let a = 0; a < A; a++) {
    const npig = list.npig[a];
    if (npig === 0) continue;
    for (let m = 0; m < M; m++) {
      for (let t = 0; t < T; t++) {
        const at = (a * M + m) * T + t;
        recall[first / R + at] = walk.included[m] > 0 ? walk.tp[at] / npig : 0;
        walk.interpolate(a, m, t, npig, recThrs, precision, scores, first + at * R);
      }
    }
  }
}

/**
 * One pass over a category list for every area range, maxDets and threshold at once. Entries are grouped
 * by the smallest maxDets that keeps them (their class), so a detection that is a false positive at every
 * threshold costs one count, and "taken so far within maxDets[m]" is a sum over classes <= m.
 */
export class Walk {
  /** `[m]`: detections taken within maxDets[m], ignored ones included. */
  readonly included: Int32Array;
  /** `[a][m][t]`: true positives. */
  readonly tp: Int32Array;
  /** `[m]`: score of the first detection taken within maxDets[m]. */
  private readonly firstScore: Float64Array;
  /** `[class]`: entries walked so far; `[a][class]`: those of them ignored at every threshold. */
  private readonly taken: Int32Array;
  private readonly takenIgnored: Int32Array;
  /** `[a][m][t]`: entries ignored at threshold t only (not at every one). */
  private readonly ignored: Int32Array;
  private capacity = 0;
  /** `[a][m][t][j]`: precision and score at the j-th true positive. */
  private prec = new Float64Array(0);
  private score = new Float64Array(0);

  constructor(
    private readonly T: number,
    private readonly A: number,
    private readonly M: number,
  ) {
    this.included = new Int32Array(M);
    this.tp = new Int32Array(A * M * T);
    this.firstScore = new Float64Array(M);
    this.taken = new Int32Array(M);
    this.takenIgnored = new Int32Array(A * M);
    this.ignored = new Int32Array(A * M * T);
  }

  /** Walks the list for the area ranges that have ground truth (each has at most npig true positives). */
  run(list: CategoryList): void {
    const { T, A, M, included, firstScore, tp, taken, takenIgnored, ignored } = this;
    const npigs = list.npig;
    const most = npigs.reduce((x, y) => Math.max(x, y), 0);
    if (most > this.capacity) {
      this.capacity = Math.max(most, this.capacity * 2);
      this.prec = new Float64Array(A * M * T * this.capacity);
      this.score = new Float64Array(A * M * T * this.capacity);
    }
    const { capacity, prec, score } = this;
    tp.fill(0);
    taken.fill(0);
    takenIgnored.fill(0);
    ignored.fill(0);
    const all = T === 32 ? 0xffffffff : 2 ** T - 1;
    const { n, cls, tp: tpList, ig: igList } = list;
    let firstSeen = M;
    for (let e = 0; e < n; e++) {
      const c = cls[e];
      for (; firstSeen > c; firstSeen--) firstScore[firstSeen - 1] = list.score[e];
      for (let a = 0; a < A; a++) {
        if (npigs[a] === 0) continue;
        const tpBits = tpList[e * A + a];
        const igBits = igList[e * A + a];
        if (igBits === all) takenIgnored[a * M + c]++;
        else if ((tpBits | igBits) !== 0) {
          const entryScore = list.score[e];
          let before = 0;
          let beforeIgnored = 0;
          for (let m = 0; m < c; m++) {
            before += taken[m];
            beforeIgnored += takenIgnored[a * M + m];
          }
          for (let m = c; m < M; m++) {
            before += taken[m];
            beforeIgnored += takenIgnored[a * M + m];
            const row = (a * M + m) * T;
            for (let bits = tpBits; bits !== 0; bits &= bits - 1) {
              const at = row + 31 - Math.clz32(bits & -bits);
              const s = ++tp[at];
              const fp = before - (s - 1) - ignored[at] - beforeIgnored;
              const j = at * capacity + s - 1;
              prec[j] = s / (fp + s + EPS);
              score[j] = entryScore;
            }
            for (let bits = igBits; bits !== 0; bits &= bits - 1) ignored[row + 31 - Math.clz32(bits & -bits)]++;
          }
        }
      }
      taken[c]++;
    }
    let sum = 0;
    for (let m = 0; m < M; m++) {
      sum += taken[m];
      included[m] = sum;
    }
  }

  /**
   * Writes the precision envelope of (area a, maxDets m, threshold t), and the score there, at each recall
   * level r to `precision[base + r]`: the best precision at or after the first true positive reaching
   * recall r; levels beyond the final recall (and all after) get 0.
   */
  interpolate(a: number, m: number, t: number, npig: number, recThrs: readonly number[], precision: Float64Array, scores: Float64Array, base: number): void {
    const at = (a * this.M + m) * this.T + t;
    const S = this.tp[at];
    const off = at * this.capacity;
    const prec = this.prec;
    for (let j = S - 2; j >= 0; j--) if (prec[off + j + 1] > prec[off + j]) prec[off + j] = prec[off + j + 1];
    let done = this.included[m] === 0;
    for (let r = 0; r < recThrs.length; r++) {
      const i = base + r;
      const level = recThrs[r];
      if (!done && level <= 0) {
        precision[i] = S > 0 ? prec[off] : 0;
        scores[i] = this.firstScore[m];
        continue;
      }
      let j = done ? S : Math.max(0, Math.ceil(level * npig) - 2);
      while (j < S && (j + 1) / npig < level) j++;
      if (j >= S) {
        done = true;
        precision[i] = 0;
        scores[i] = 0;
        continue;
      }
      precision[i] = prec[off + j];
      scores[i] = this.score[off + j];
    }
  }
}
