import { rleArea, rleIntersection, rleToBbox, type Rle } from './rle.js';

/**
 * IoU of a detection box and a ground-truth box, both `[x, y, width, height]` with no +1 convention.
 * Against a crowd ground truth the union is the detection's own area.
 */
export function boxIou(d: ArrayLike<number>, g: ArrayLike<number>, crowd: boolean): number {
  return boxIouAt(d, 0, g, 0, crowd);
}

/** {@link boxIou} of the boxes starting at `d[di]` and `g[gi]` in flat `[x, y, w, h, ...]` arrays. */
export function boxIouAt(d: ArrayLike<number>, di: number, g: ArrayLike<number>, gi: number, crowd: boolean): number {
  const dx = d[di];
  const dy = d[di + 1];
  const dw = d[di + 2];
  const dh = d[di + 3];
  const gx = g[gi];
  const gy = g[gi + 1];
  const gw = g[gi + 2];
  const gh = g[gi + 3];
  const iw = Math.min(dw + dx, gw + gx) - Math.max(dx, gx);
  if (iw <= 0) return 0;
  const ih = Math.min(dh + dy, gh + gy) - Math.max(dy, gy);
  if (ih <= 0) return 0;
  const inter = iw * ih;
  const da = dw * dh;
  const union = crowd ? da : da + gw * gh - inter;
  return inter / union;
}

/**
 * IoU of two masks of one size; against a crowd ground truth the union is the detection's own area.
 * `dArea`/`gArea` may be passed when already known.
 */
export function maskIou(d: Rle, g: Rle, crowd: boolean, dArea = rleArea(d), gArea = rleArea(g)): number {
  if (d.h !== g.h || d.w !== g.w) {
    throw new Error(`mask IoU: masks of different sizes (${d.h}×${d.w} and ${g.h}×${g.w})`);
  }
  const inter = rleIntersection(d, g);
  if (inter === 0) return 0;
  return inter / (crowd ? dArea : dArea + gArea - inter);
}

/** IoU matrix, row-major `[detection][groundTruth]`, of boxes. */
export function boxIouMatrix(dts: readonly ArrayLike<number>[], gts: readonly ArrayLike<number>[], iscrowd: readonly boolean[]): Float64Array {
  const out = new Float64Array(dts.length * gts.length);
  for (let d = 0; d < dts.length; d++) {
    for (let g = 0; g < gts.length; g++) out[d * gts.length + g] = boxIou(dts[d], gts[g], iscrowd[g]);
  }
  return out;
}

/**
 * IoU matrix, row-major `[detection][groundTruth]`, of masks. Pairs whose bounding boxes do not overlap
 * are 0 without walking their runs.
 */
export function maskIouMatrix(dts: readonly Rle[], gts: readonly Rle[], iscrowd: readonly boolean[]): Float64Array {
  const out = new Float64Array(dts.length * gts.length);
  const dAreas = dts.map(rleArea);
  const gAreas = gts.map(rleArea);
  const dBoxes = dts.map(rleToBbox);
  const gBoxes = gts.map(rleToBbox);
  for (let d = 0; d < dts.length; d++) {
    for (let g = 0; g < gts.length; g++) {
      if (boxIou(dBoxes[d], gBoxes[g], iscrowd[g]) <= 0) continue;
      out[d * gts.length + g] = maskIou(dts[d], gts[g], iscrowd[g], dAreas[d], gAreas[g]);
    }
  }
  return out;
}
