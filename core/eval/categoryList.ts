import type { ImageEval } from './imageEval.js';
import { orderByScore } from './order.js';

/**
 * One category's evaluated detections over all images, in accumulation order: score descending, ties by
 * image order, then by rank within the image (the order of a stable sort of the per-image lists joined
 * in image order). Arrays are allocated with spare room and reused when the list is rebuilt.
 */
export class CategoryList {
  n = 0;
  /** Image position (in evaluation order). */
  img = new Int32Array(0);
  /** Rank within the image's cell (0 = best score). */
  rank = new Int32Array(0);
  /** The first maxDets index that keeps the detection (rank < maxDets[cls]). */
  cls = new Uint8Array(0);
  score = new Float64Array(0);
  /** `[e][a]`: the detection's true-positive and ignored bits ({@link ImageEval.dtTp}, {@link ImageEval.dtIg}). */
  tp = new Uint32Array(0);
  ig = new Uint32Array(0);
  /** `[a]`: ground truths that count, over all images. */
  readonly npig: Int32Array;

  constructor(
    readonly A: number,
    private readonly maxDets: readonly number[],
  ) {
    this.npig = new Int32Array(A);
  }

  /** Makes room for n entries (contents are not kept). */
  reserve(n: number): void {
    this.n = n;
    if (n <= this.img.length) return;
    const cap = Math.ceil(n * 1.25) + 16;
    this.img = new Int32Array(cap);
    this.rank = new Int32Array(cap);
    this.cls = new Uint8Array(cap);
    this.score = new Float64Array(cap);
    this.tp = new Uint32Array(cap * this.A);
    this.ig = new Uint32Array(cap * this.A);
  }

  /** Writes entry e from detection p of an image's evaluation. */
  setFromImage(e: number, img: number, ev: ImageEval, p: number, rank: number): void {
    const A = this.A;
    const D = ev.dtScore.length;
    this.img[e] = img;
    this.rank[e] = rank;
    let cls = 0;
    while (cls < this.maxDets.length - 1 && rank >= this.maxDets[cls]) cls++;
    this.cls[e] = cls;
    this.score[e] = ev.dtScore[p];
    for (let a = 0; a < A; a++) {
      this.tp[e * A + a] = ev.dtTp[a * D + p];
      this.ig[e * A + a] = ev.dtIg[a * D + p];
    }
  }

  /** Copies entries start .. end - 1 of another list to positions from `e` on. */
  copyRange(e: number, from: CategoryList, start: number, end: number): void {
    const A = this.A;
    this.img.set(from.img.subarray(start, end), e);
    this.rank.set(from.rank.subarray(start, end), e);
    this.cls.set(from.cls.subarray(start, end), e);
    this.score.set(from.score.subarray(start, end), e);
    this.tp.set(from.tp.subarray(start * A, end * A), e * A);
    this.ig.set(from.ig.subarray(start * A, end * A), e * A);
  }

  /** The first position whose entry does not come before (score, img, rank) in accumulation order. */
  locate(score: number, img: number, rank: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = this.score[mid];
      const before = s > score || (s === score && (this.img[mid] < img || (this.img[mid] === img && this.rank[mid] < rank)));
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Every category's list, kept up to date as images are re-evaluated. Each list has a spare twin that the
 * next rebuild writes into, so updates allocate nothing once the arrays are large enough.
 */
export class CategoryLists {
  readonly lists: CategoryList[];
  private readonly spares: CategoryList[];

  constructor(evals: readonly ImageEval[], K: number, A: number, maxDets: readonly number[]) {
    this.lists = Array.from({ length: K }, () => new CategoryList(A, maxDets));
    this.spares = Array.from({ length: K }, () => new CategoryList(A, maxDets));
    const sizes = new Int32Array(K);
    for (const ev of evals) {
      for (let c = 0; c < ev.cellCat.length; c++) sizes[ev.cellCat[c]] += ev.dtStart[c + 1] - ev.dtStart[c];
    }
    // Gather each category's detections in image order (image, position, rank), then place them by score.
    const img = Array.from(sizes, (n) => new Int32Array(n));
    const pos = Array.from(sizes, (n) => new Int32Array(n));
    const rank = Array.from(sizes, (n) => new Int32Array(n));
    const score = Array.from(sizes, (n) => new Float64Array(n));
    const fill = new Int32Array(K);
    evals.forEach((ev, i) => {
      const C = ev.cellCat.length;
      for (let c = 0; c < C; c++) {
        const k = ev.cellCat[c];
        for (let a = 0; a < A; a++) this.lists[k].npig[a] += ev.npig[a * C + c];
        for (let p = ev.dtStart[c], r = 0; p < ev.dtStart[c + 1]; p++, r++) {
          const e = fill[k]++;
          img[k][e] = i;
          pos[k][e] = p;
          rank[k][e] = r;
          score[k][e] = ev.dtScore[p];
        }
      }
    });
    this.lists.forEach((list, k) => {
      const order = orderByScore(score[k], sizes[k]);
      list.reserve(sizes[k]);
      for (let e = 0; e < sizes[k]; e++) {
        const src = order[e];
        list.setFromImage(e, img[k][src], evals[img[k][src]], pos[k][src], rank[k][src]);
      }
    });
  }

  /**
   * Rebuilds category k after image `img` changed from `before` to `after`: the image's old entries are
   * found and dropped, its new ones placed, by binary search; the runs between move as blocks.
   */
  replaceImage(k: number, img: number, before: ImageEval, after: ImageEval): void {
    const list = this.lists[k];
    const out = this.spares[k];
    const cb = before.cellCat.indexOf(k);
    const ca = after.cellCat.indexOf(k);
    const dropAt: number[] = [];
    if (cb >= 0) {
      for (let p = before.dtStart[cb], r = 0; p < before.dtStart[cb + 1]; p++, r++) dropAt.push(list.locate(before.dtScore[p], img, r));
    }
    const insertAt: number[] = [];
    const first = ca >= 0 ? after.dtStart[ca] : 0;
    if (ca >= 0) {
      for (let p = first, r = 0; p < after.dtStart[ca + 1]; p++, r++) insertAt.push(list.locate(after.dtScore[p], img, r));
    }
    out.reserve(list.n - dropAt.length + insertAt.length);
    for (let a = 0; a < list.A; a++) {
      out.npig[a] = list.npig[a] - (cb >= 0 ? before.npig[a * before.cellCat.length + cb] : 0) + (ca >= 0 ? after.npig[a * after.cellCat.length + ca] : 0);
    }
    let src = 0;
    let dst = 0;
    let d = 0;
    let i = 0;
    for (;;) {
      const stop = Math.min(d < dropAt.length ? dropAt[d] : list.n, i < insertAt.length ? insertAt[i] : list.n);
      out.copyRange(dst, list, src, stop);
      dst += stop - src;
      src = stop;
      if (i < insertAt.length && insertAt[i] === src) {
        out.setFromImage(dst++, img, after, first + i, i);
        i++;
      } else if (d < dropAt.length && dropAt[d] === src) {
        src++;
        d++;
      } else break;
    }
    this.lists[k] = out;
    this.spares[k] = list;
  }
}

/** Whether category k's cell holds the same outcome in both evaluations of an image (so its list is unchanged). */
export function sameCell(before: ImageEval, after: ImageEval, k: number, A: number): boolean {
  const cb = before.cellCat.indexOf(k);
  const ca = after.cellCat.indexOf(k);
  if (cb < 0 || ca < 0) return cb === ca;
  const n = before.dtStart[cb + 1] - before.dtStart[cb];
  if (after.dtStart[ca + 1] - after.dtStart[ca] !== n) return false;
  const Db = before.dtScore.length;
  const Da = after.dtScore.length;
  for (let a = 0; a < A; a++) {
    if (before.npig[a * before.cellCat.length + cb] !== after.npig[a * after.cellCat.length + ca]) return false;
    for (let r = 0; r < n; r++) {
      const pb = before.dtStart[cb] + r;
      const pa = after.dtStart[ca] + r;
      if (before.dtScore[pb] !== after.dtScore[pa]) return false;
      if (before.dtTp[a * Db + pb] !== after.dtTp[a * Da + pa] || before.dtIg[a * Db + pb] !== after.dtIg[a * Da + pa]) return false;
    }
  }
  return true;
}
