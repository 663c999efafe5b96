import { decodedRle } from './encodedRle.js';
import { rleDecode, rleEncode, type Rle } from './rle.js';

/**
 * A mask as one byte per pixel, laid out column by column as RLE is (index `x * h + y`), 1 for foreground.
 * Mask edits work on this and convert from and to RLE at their edges.
 */
export interface Bitmap {
  readonly h: number;
  readonly w: number;
  readonly data: Uint8Array;
}

export function emptyBitmap(h: number, w: number): Bitmap {
  return { h, w, data: new Uint8Array(h * w) };
}

export function bitmapFromRle(rle: Rle): Bitmap {
  return { h: rle.h, w: rle.w, data: rleDecode(decodedRle(rle)) };
}

export function bitmapToRle(bitmap: Bitmap): Rle {
  return rleEncode(bitmap.data, bitmap.h, bitmap.w);
}

/** Number of foreground pixels. */
export function bitmapArea(bitmap: Bitmap): number {
  let n = 0;
  for (let i = 0; i < bitmap.data.length; i++) n += bitmap.data[i];
  return n;
}

/** A point in image pixels: pixel (x, y) covers [x, x + 1) × [y, y + 1), its centre at (x + 0.5, y + 0.5). */
export interface PixelPoint {
  x: number;
  y: number;
}

/**
 * Sets to `value` every pixel whose centre lies within `radius` of the segment from `a` to `b`: one dab of a
 * round brush dragged along it (a = b for a single dab). Pixels outside the image are skipped.
 */
export function paintSegment(bitmap: Bitmap, a: PixelPoint, b: PixelPoint, radius: number, value: 0 | 1): void {
  const { h, w, data } = bitmap;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - radius));
  const x1 = Math.min(w - 1, Math.ceil(Math.max(a.x, b.x) + radius));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - radius));
  const y1 = Math.min(h - 1, Math.ceil(Math.max(a.y, b.y) + radius));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const r2 = radius * radius;
  for (let x = x0; x <= x1; x++) {
    const cx = x + 0.5;
    for (let y = y0; y <= y1; y++) {
      const cy = y + 0.5;
      // The segment's point nearest the pixel centre.
      const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((cx - a.x) * dx + (cy - a.y) * dy) / length2));
      const ex = cx - (a.x + t * dx);
      const ey = cy - (a.y + t * dy);
      if (ex * ex + ey * ey <= r2) data[x * h + y] = value;
    }
  }
}

/** Paints (value 1) or erases (value 0) a stroke through `points`, segment by segment. */
export function paintStroke(bitmap: Bitmap, points: readonly PixelPoint[], radius: number, value: 0 | 1): void {
  if (points.length === 0) return;
  if (points.length === 1) paintSegment(bitmap, points[0], points[0], radius, value);
  for (let i = 1; i < points.length; i++) paintSegment(bitmap, points[i - 1], points[i], radius, value);
}
