import type { PromptCrop } from '../detect/boxPrompt.js';
import type { Box } from '../geometry/box.js';
import { rleFromColumnBand, type Rle } from './rle.js';

/** The image pixels whose centres lie inside a box (clipped to the image): first and last column and row; null when none. */
export function boxPixels([x, y, w, h]: Box, width: number, height: number): { x0: number; x1: number; y0: number; y1: number } | null {
  const x0 = Math.max(0, Math.ceil(x - 0.5));
  const x1 = Math.min(width - 1, Math.floor(x + w - 0.5));
  const y0 = Math.max(0, Math.ceil(y - 0.5));
  const y1 = Math.min(height - 1, Math.floor(y + h - 0.5));
  return x1 < x0 || y1 < y0 ? null : { x0, x1, y0, y1 };
}

/**
 * A mask probability map the model gave for a crop (`probs[offset …]`, row-major `mh × mw`, over the crop's
 * model input) pasted back into the image: each image pixel inside the prompt box samples the map bilinearly at
 * its centre and is foreground above `threshold`. Pixels outside the box stay empty: the user's box is the truth.
 */
export function pastePromptMask(
  probs: ArrayLike<number>,
  offset: number,
  mh: number,
  mw: number,
  crop: PromptCrop,
  box: Box,
  imageWidth: number,
  imageHeight: number,
  threshold: number,
): Rle {
  const h = imageHeight;
  const inside = boxPixels(box, imageWidth, imageHeight);
  if (!inside) return { h, w: imageWidth, counts: Uint32Array.of(h * imageWidth) };
  const { x0, x1, y0, y1 } = inside;
  const [rx, ry, rw, rh] = crop.region;
  const kx = mw / rw;
  const ky = mh / rh;
  const band = new Uint8Array((x1 - x0 + 1) * h);
  const rows = new Int32Array(2 * (y1 - y0 + 1));
  const fys = new Float64Array(y1 - y0 + 1);
  for (let y = y0; y <= y1; y++) {
    const v = Math.min(mh - 1, Math.max(0, (y + 0.5 - ry) * ky - 0.5));
    const r0 = Math.floor(v);
    rows[2 * (y - y0)] = r0 * mw;
    rows[2 * (y - y0) + 1] = Math.min(mh - 1, r0 + 1) * mw;
    fys[y - y0] = v - r0;
  }
  for (let x = x0; x <= x1; x++) {
    const u = Math.min(mw - 1, Math.max(0, (x + 0.5 - rx) * kx - 0.5));
    const c0 = Math.floor(u);
    const c1 = Math.min(mw - 1, c0 + 1);
    const fx = u - c0;
    const column = (x - x0) * h;
    for (let y = y0; y <= y1; y++) {
      const top = offset + rows[2 * (y - y0)];
      const bottom = offset + rows[2 * (y - y0) + 1];
      const fy = fys[y - y0];
      const upper = probs[top + c0] * (1 - fx) + probs[top + c1] * fx;
      const lower = probs[bottom + c0] * (1 - fx) + probs[bottom + c1] * fx;
      if (upper * (1 - fy) + lower * fy > threshold) band[column + y] = 1;
    }
  }
  return rleFromColumnBand(band, h, imageWidth, x0);
}

/** The mean of a probability map (row-major `mh × mw`) and another made from the mirrored input, mirrored back. */
export function averageMirrored(map: ArrayLike<number>, mirrored: ArrayLike<number>, mh: number, mw: number): Float32Array {
  const out = new Float32Array(mh * mw);
  for (let y = 0; y < mh; y++) {
    const row = y * mw;
    for (let x = 0; x < mw; x++) out[row + x] = (map[row + x] + mirrored[row + mw - 1 - x]) / 2;
  }
  return out;
}
