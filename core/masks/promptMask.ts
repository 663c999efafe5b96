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

/** The image pixels inside a prompt box: first and last column and row. */
export type BoxPixels = NonNullable<ReturnType<typeof boxPixels>>;

/**
 * A mask probability map the model gave for a crop (`probs[offset …]`, row-major `mh × mw`, over the crop's
 * model input) brought back to the image pixels inside the prompt box: each samples the map bilinearly at its
 * centre. Column-major over the box's pixels (`inside`), as masks are.
 */
export function promptProbabilities(probs: ArrayLike<number>, offset: number, mh: number, mw: number, crop: PromptCrop, inside: BoxPixels): Float32Array {
  const { x0, x1, y0, y1 } = inside;
  const bh = y1 - y0 + 1;
  const [rx, ry, rw, rh] = crop.region;
  const kx = mw / rw;
  const ky = mh / rh;
  const out = new Float32Array((x1 - x0 + 1) * bh);
  const rows = new Int32Array(2 * bh);
  const fys = new Float64Array(bh);
  for (let y = y0; y <= y1; y++) {
    const v = Math.min(mh - 1, Math.max(0, (y + 0.5 - ry) * ky - 0.5));
    const r0 = Math.floor(v);
    rows[2 * (y - y0)] = offset + r0 * mw;
    rows[2 * (y - y0) + 1] = offset + Math.min(mh - 1, r0 + 1) * mw;
    fys[y - y0] = v - r0;
  }
  for (let x = x0; x <= x1; x++) {
    const u = Math.min(mw - 1, Math.max(0, (x + 0.5 - rx) * kx - 0.5));
    const c0 = Math.floor(u);
    const c1 = Math.min(mw - 1, c0 + 1);
    const fx = u - c0;
    const column = (x - x0) * bh;
    for (let j = 0; j < bh; j++) {
      const top = rows[2 * j];
      const bottom = rows[2 * j + 1];
      const upper = probs[top + c0] * (1 - fx) + probs[top + c1] * fx;
      const lower = probs[bottom + c0] * (1 - fx) + probs[bottom + c1] * fx;
      out[column + j] = upper * (1 - fys[j]) + lower * fys[j];
    }
  }
  return out;
}

/** A row-major grid (or planes of grids) `width` cells wide, each row mirrored left to right. */
export function mirrorRows(values: ArrayLike<number>, width: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let row = 0; row < values.length; row += width) for (let x = 0; x < width; x++) out[row + x] = values[row + width - 1 - x];
  return out;
}

/** The image mask whose pixels inside the box are those above `threshold` (values column-major over `inside`). */
export function thresholdInBox(values: ArrayLike<number>, inside: BoxPixels, imageWidth: number, imageHeight: number, threshold: number): Rle {
  const h = imageHeight;
  const { x0, x1, y0, y1 } = inside;
  const bh = y1 - y0 + 1;
  const band = new Uint8Array((x1 - x0 + 1) * h);
  for (let x = 0; x <= x1 - x0; x++) for (let j = 0; j < bh; j++) if (values[x * bh + j] > threshold) band[x * h + y0 + j] = 1;
  return rleFromColumnBand(band, h, imageWidth, x0);
}

/**
 * A crop's mask probability map pasted back into the image: {@link promptProbabilities} thresholded. Pixels
 * outside the box stay empty: the user's box is the truth.
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
  const inside = boxPixels(box, imageWidth, imageHeight);
  if (!inside) return { h: imageHeight, w: imageWidth, counts: Uint32Array.of(imageHeight * imageWidth) };
  return thresholdInBox(promptProbabilities(probs, offset, mh, mw, crop, inside), inside, imageWidth, imageHeight, threshold);
}
