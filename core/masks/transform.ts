import type { Bitmap } from './bitmap.js';

/** `[x, y, width, height]` in image pixels. */
type Box = readonly [number, number, number, number];

/**
 * The mask carried from box `from` to box `to`: moved, and scaled on each axis by the ratio of the boxes'
 * sides, so what sat at a place in the old box sits at the same place in the new one. Each pixel of the result
 * takes the pixel its centre maps back to (nearest neighbour), so a move by whole pixels is an exact shift;
 * what is carried off the image is lost. A box with a zero side carries nothing.
 */
export function transformMask(bitmap: Bitmap, from: Box, to: Box): Bitmap {
  const { h, w, data } = bitmap;
  const out = new Uint8Array(h * w);
  if (from[2] <= 0 || from[3] <= 0 || to[2] <= 0 || to[3] <= 0) return { h, w, data: out };
  const kx = from[2] / to[2];
  const ky = from[3] / to[3];
  // Source coordinate of a result pixel's centre, and back: only the result pixels the source's extent reaches.
  const srcX = (x: number) => from[0] + (x + 0.5 - to[0]) * kx;
  const srcY = (y: number) => from[1] + (y + 0.5 - to[1]) * ky;
  const xs = Math.max(0, Math.floor(to[0] - from[0] / kx) - 1);
  const xe = Math.min(w - 1, Math.ceil(to[0] + (w - from[0]) / kx) + 1);
  const ys = Math.max(0, Math.floor(to[1] - from[1] / ky) - 1);
  const ye = Math.min(h - 1, Math.ceil(to[1] + (h - from[1]) / ky) + 1);
  const rows = new Int32Array(Math.max(0, ye - ys + 1));
  for (let y = ys; y <= ye; y++) rows[y - ys] = Math.floor(srcY(y));
  for (let x = xs; x <= xe; x++) {
    const sx = Math.floor(srcX(x));
    if (sx < 0 || sx >= w) continue;
    const column = sx * h;
    for (let y = ys; y <= ye; y++) {
      const sy = rows[y - ys];
      if (sy >= 0 && sy < h && data[column + sy]) out[x * h + y] = 1;
    }
  }
  return { h, w, data: out };
}
