import { rleMerge, type Rle } from './rle.js';

const SCALE = 5;

/** C's `(int)` conversion of a double: truncation toward zero. */
function toInt(v: number): number {
  return Math.trunc(v) | 0;
}

/**
 * Rasterises one polygon `[x0, y0, x1, y1, ...]` into an `h`×`w` mask, pixel for pixel as maskApi's
 * rleFrPoly: the outline is traced on a 5× upsampled grid, the points where it crosses pixel-centre
 * columns are taken back to the image grid, and each such crossing toggles the fill down its column.
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

  // Dense outline points on the upsampled grid, segment by segment, both ends included.
  let total = 0;
  for (let j = 0; j < k; j++) total += Math.max(Math.abs(px[j] - px[j + 1]), Math.abs(py[j] - py[j + 1])) + 1;
  const u = new Int32Array(total);
  const v = new Int32Array(total);
  let m = 0;
  for (let j = 0; j < k; j++) {
    let xs = px[j];
    let xe = px[j + 1];
    let ys = py[j];
    let ye = py[j + 1];
    const dx = Math.abs(xe - xs);
    const dy = Math.abs(ys - ye);
    const flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
    if (flip) {
      let t = xs;
      xs = xe;
      xe = t;
      t = ys;
      ys = ye;
      ye = t;
    }
    if (dx >= dy) {
      const s = (ye - ys) / dx;
      for (let d = 0; d <= dx; d++) {
        const t = flip ? dx - d : d;
        u[m] = t + xs;
        v[m] = toInt(ys + s * t + 0.5);
        m++;
      }
    } else {
      const s = (xe - xs) / dy;
      for (let d = 0; d <= dy; d++) {
        const t = flip ? dy - d : d;
        v[m] = t + ys;
        u[m] = toInt(xs + s * t + 0.5);
        m++;
      }
    }
  }

  // Keep the points where the outline crosses a pixel-centre column, mapped back to pixel indices.
  const starts: number[] = [];
  for (let j = 1; j < total; j++) {
    if (u[j] === u[j - 1]) continue;
    let xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
    xd = (xd + 0.5) / SCALE - 0.5;
    if (Math.floor(xd) !== xd || xd < 0 || xd > w - 1) continue;
    let yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
    yd = (yd + 0.5) / SCALE - 0.5;
    if (yd < 0) yd = 0;
    else if (yd > h) yd = h;
    yd = Math.ceil(yd);
    starts.push(xd * h + yd);
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
  for (let j = 1; j < a.length; ) {
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
