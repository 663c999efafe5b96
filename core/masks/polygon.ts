import { rleMerge, type Rle } from './rle.js';

const SCALE = 5;

/** C's `(int)` conversion of a double: truncation toward zero. */
function toInt(v: number): number {
  return Math.trunc(v) | 0;
}

/** The pixel-centre column crossings of the upsampled outline between two consecutive points, as toggle positions. */
function pushCrossing(starts: number[], q: number, va: number, vb: number, h: number): void {
  const xd = (q + 0.5) / SCALE - 0.5;
  let yd = ((va < vb ? va : vb) + 0.5) / SCALE - 0.5;
  if (yd < 0) yd = 0;
  else if (yd > h) yd = h;
  starts.push(xd * h + Math.ceil(yd));
}

/**
 * Rasterises one polygon `[x0, y0, x1, y1, ...]` into an `h`×`w` mask, pixel for pixel as maskApi's
 * rleFrPoly. That traces the outline on a 5× upsampled grid, point by point, and keeps the steps where the
 * outline moves from upsampled column q to q ± 1 with q = 5·x + 2 for a pixel column x of the image; each such
 * step toggles the fill down that column from the row its upper point maps to. Only those steps are computed
 * here, straight from each segment's line equation with maskApi's arithmetic, so the cost follows the image's
 * width and the number of vertices, never the coordinates' magnitude (a vertex at 4e7 px costs as much as one
 * inside the image).
 */
export function rleFromPolygon(xy: ArrayLike<number>, h: number, w: number): Rle {
  const k = xy.length >> 1;
  const px = new Int32Array(k + 1);
  const py = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) {
    px[j] = toInt(SCALE * xy[2 * j] + 0.5);
    py[j] = toInt(SCALE * xy[2 * j + 1] + 0.5);
  }
  px[k] = px[0];
  py[k] = py[0];

  // The first and last upsampled columns that map to pixel columns: q ≡ 2 (mod 5), from 2 to 5(w - 1) + 2.
  const qFirst = 2;
  const qLast = SCALE * (w - 1) + 2;
  const firstQAtLeast = (u: number) => qFirst + Math.max(0, Math.ceil((u - qFirst) / SCALE)) * SCALE;
  const starts: number[] = [];
  for (let j = 0; j < k; j++) {
    let xs = px[j];
    let xe = px[j + 1];
    let ys = py[j];
    let ye = py[j + 1];
    const dx = Math.abs(xe - xs);
    const dy = Math.abs(ys - ye);
    if ((dx >= dy && xs > xe) || (dx < dy && ys > ye)) {
      [xs, xe] = [xe, xs];
      [ys, ye] = [ye, ys];
    }
    if (dx >= dy) {
      // u = xs + t for t = 0..dx: the step from t to t + 1 crosses column q = xs + t.
      if (dx === 0) continue;
      const s = (ye - ys) / dx;
      const v = (t: number) => toInt(ys + s * t + 0.5);
      for (let q = firstQAtLeast(xs); q <= Math.min(qLast, xe - 1); q += SCALE) pushCrossing(starts, q, v(q - xs), v(q - xs + 1), h);
    } else {
      // v = ys + t for t = 0..dy, u = (int)(xs + s·t + 0.5) moves by at most 1 per step and never turns back.
      const s = (xe - xs) / dy;
      const u = (t: number) => toInt(xs + s * t + 0.5);
      const u0 = u(0);
      const u1 = u(dy);
      const rising = u1 > u0;
      for (let q = firstQAtLeast(Math.min(u0, u1)); q <= Math.min(qLast, Math.max(u0, u1) - 1); q += SCALE) {
        // The first t past the step between q and q + 1 (u rising: u(t) ≥ q + 1; falling: u(t) ≤ q).
        const past = (t: number) => (rising ? u(t) >= q + 1 : u(t) <= q);
        let a = 0;
        let b = dy;
        while (a < b) {
          const mid = Math.floor((a + b) / 2);
          if (past(mid)) b = mid;
          else a = mid + 1;
        }
        pushCrossing(starts, q, ys + a - 1, ys + a, h);
      }
    }
  }

  // Sorted toggle positions become run lengths; a zero-length run merges its neighbours.
  const a = new Uint32Array(starts.length + 1);
  a.set(starts);
  a[starts.length] = h * w;
  a.sort();
  let prev = 0;
  for (let j = 0; j < a.length; j++) {
    const t = a[j];
    a[j] -= prev;
    prev = t;
  }
  const counts = new Uint32Array(a.length);
  let n = 0;
  counts[n++] = a[0];
  for (let j = 1; j < a.length;) {
    if (a[j] > 0) counts[n++] = a[j++];
    else {
      j++;
      if (j < a.length) counts[n - 1] += a[j++];
    }
  }
  return { h, w, counts: counts.slice(0, n) };
}

/** Union of several polygons (one COCO annotation's `segmentation` list). */
export function rleFromPolygons(polygons: readonly ArrayLike<number>[], h: number, w: number): Rle {
  if (polygons.length === 0) return { h, w, counts: Uint32Array.of(h * w) };
  return rleMerge(
    polygons.map((p) => rleFromPolygon(p, h, w)),
    false,
  );
}

/** A box `[x, y, width, height]` rasterised as maskApi's rleFrBbox does, through its polygon. */
export function rleFromBbox(bbox: ArrayLike<number>, h: number, w: number): Rle {
  const xs = bbox[0];
  const ys = bbox[1];
  const xe = xs + bbox[2];
  const ye = ys + bbox[3];
  return rleFromPolygon([xs, ys, xs, ye, xe, ye, xe, ys], h, w);
}
