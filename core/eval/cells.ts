import type { EvalContext } from './evalContext.js';
import type { ArrayAllocator } from './slab.js';
import type { Detection, GroundTruth } from './types.js';

/**
 * An image's annotations grouped into cells, one per category present (one for all when categories are
 * pooled), ascending. Cell c holds ground truths gtIndex[gtStart[c] ..] and detections dtIndex[dtStart[c] ..]
 * (indices into the image's lists); its IoU matrix would start at iouStart[c].
 */
export interface CellLayout {
  readonly cellCat: Int32Array;
  readonly dtStart: Int32Array;
  readonly gtStart: Int32Array;
  readonly iouStart: Int32Array;
  readonly dtIndex: Int32Array;
  readonly gtIndex: Int32Array;
}

/**
 * Ground truth keeps input order within a cell (by category first when pooled). Detections are sorted by
 * score, stably: within a category when categories count, over the category-then-input order when pooled;
 * each cell is cut to the largest maxDets.
 */
export function cellLayout(ctx: EvalContext, gts: readonly GroundTruth[], dts: readonly Detection[], arrays: ArrayAllocator): CellLayout {
  const pooled = !ctx.params.useCats;
  const gtCat = Int32Array.from(gts, (g) => ctx.catIndex(g.categoryId));
  const dtCat = Int32Array.from(dts, (d) => ctx.catIndex(d.categoryId));
  const gtOrder = byCategory(gtCat);
  const dtOrder = byCategory(dtCat);
  // Runs of one category, then of one cell.
  const cells: number[] = [];
  const bounds: number[] = [];
  for (let gi = 0, di = 0; gi < gtOrder.length || di < dtOrder.length;) {
    const gKey = gi < gtOrder.length ? (pooled ? 0 : gtCat[gtOrder[gi]]) : Infinity;
    const dKey = di < dtOrder.length ? (pooled ? 0 : dtCat[dtOrder[di]]) : Infinity;
    const key = Math.min(gKey, dKey);
    const g0 = gi;
    const d0 = di;
    while (gi < gtOrder.length && (pooled || gtCat[gtOrder[gi]] === key)) gi++;
    while (di < dtOrder.length && (pooled || dtCat[dtOrder[di]] === key)) di++;
    sortByScore(dtOrder, d0, di, dts);
    cells.push(key);
    bounds.push(g0, gi, d0, Math.min(di, d0 + ctx.maxDet));
  }

  const C = cells.length;
  const cellCat = arrays.int32(C);
  cellCat.set(cells);
  const dtStart = arrays.int32(C + 1);
  const gtStart = new Int32Array(C + 1);
  const iouStart = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) {
    gtStart[c + 1] = gtStart[c] + bounds[4 * c + 1] - bounds[4 * c];
    dtStart[c + 1] = dtStart[c] + bounds[4 * c + 3] - bounds[4 * c + 2];
    iouStart[c + 1] = iouStart[c] + (dtStart[c + 1] - dtStart[c]) * (gtStart[c + 1] - gtStart[c]);
  }
  const gtIndex = new Int32Array(gtStart[C]);
  const dtIndex = arrays.int32(dtStart[C]);
  for (let c = 0; c < C; c++) {
    gtIndex.set(gtOrder.subarray(bounds[4 * c], bounds[4 * c + 1]), gtStart[c]);
    dtIndex.set(dtOrder.subarray(bounds[4 * c + 2], bounds[4 * c + 3]), dtStart[c]);
  }
  return { cellCat, dtStart, gtStart, iouStart, dtIndex, gtIndex };
}

/** Indices of the annotations of evaluated categories (cat >= 0), by category then input order. */
function byCategory(cat: Int32Array): Int32Array {
  let n = 0;
  let sorted = true;
  for (let i = 0, last = -1; i < cat.length; i++) {
    if (cat[i] < 0) continue;
    n++;
    if (cat[i] < last) sorted = false;
    last = cat[i];
  }
  const order = new Int32Array(n);
  for (let i = 0, o = 0; i < cat.length; i++) if (cat[i] >= 0) order[o++] = i;
  if (!sorted) order.sort((a, b) => cat[a] - cat[b] || a - b);
  return order;
}

/** Stable sort of order[start .. end) by descending detection score. */
function sortByScore(order: Int32Array, start: number, end: number, dts: readonly Detection[]): void {
  if (end - start > 24) {
    const part = Array.from(order.subarray(start, end));
    const at = part.map((_, i) => i);
    at.sort((a, b) => dts[part[b]].score - dts[part[a]].score || a - b);
    for (let i = 0; i < at.length; i++) order[start + i] = part[at[i]];
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const d = order[i];
    const s = dts[d].score;
    let j = i - 1;
    while (j >= start && dts[order[j]].score < s) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = d;
  }
}
