/**
 * maskApi's rleFrPoly as written, point by point along the whole upsampled outline, for checking the bounded
 * rasteriser in core/masks/polygon.ts against on polygons of modest size. Its cost grows with the coordinates, so
 * it is for tests only. Answers the mask column-major, one byte a pixel.
 */
export function referencePolygonMask(xy: readonly number[], h: number, w: number): Uint8Array {
  const scale = 5;
  const cInt = (v: number) => Math.trunc(v) | 0;
  const k = xy.length / 2;
  const x: number[] = [];
  const y: number[] = [];
  for (let j = 0; j < k; j++) {
    x.push(cInt(scale * xy[2 * j] + 0.5));
    y.push(cInt(scale * xy[2 * j + 1] + 0.5));
  }
  x.push(x[0]);
  y.push(y[0]);
  const u: number[] = [];
  const v: number[] = [];
  for (let j = 0; j < k; j++) {
    let [xs, xe, ys, ye] = [x[j], x[j + 1], y[j], y[j + 1]];
    const dx = Math.abs(xe - xs);
    const dy = Math.abs(ys - ye);
    const flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
    if (flip) [xs, xe, ys, ye] = [xe, xs, ye, ys];
    const s = dx >= dy ? (ye - ys) / dx : (xe - xs) / dy;
    const steps = Math.max(dx, dy);
    for (let d = 0; d <= steps; d++) {
      const t = flip ? steps - d : d;
      if (dx >= dy) {
        u.push(t + xs);
        v.push(cInt(ys + s * t + 0.5));
      } else {
        v.push(t + ys);
        u.push(cInt(xs + s * t + 0.5));
      }
    }
  }
  const toggles = new Uint32Array(h * w + 1);
  for (let j = 1; j < u.length; j++) {
    if (u[j] === u[j - 1]) continue;
    const xd = ((u[j] < u[j - 1] ? u[j] : u[j] - 1) + 0.5) / scale - 0.5;
    if (Math.floor(xd) !== xd || xd < 0 || xd > w - 1) continue;
    const yd = Math.ceil(Math.min(h, Math.max(0, ((v[j] < v[j - 1] ? v[j] : v[j - 1]) + 0.5) / scale - 0.5)));
    toggles[xd * h + yd]++;
  }
  const mask = new Uint8Array(h * w);
  let inside = 0;
  for (let i = 0; i < h * w; i++) {
    inside ^= toggles[i] & 1;
    mask[i] = inside;
  }
  return mask;
}
