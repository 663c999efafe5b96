import type { Bitmap } from '../../../../core/masks/bitmap.js';

/** A bitmap drawn as rows of '#' (foreground) and '.' (background). */
export function fromArt(rows: readonly string[]): Bitmap {
  const h = rows.length;
  const w = rows[0].length;
  const data = new Uint8Array(h * w);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[x * h + y] = rows[y][x] === '#' ? 1 : 0;
  return { h, w, data };
}

export function toArt(b: Bitmap): string[] {
  const rows: string[] = [];
  for (let y = 0; y < b.h; y++) {
    let row = '';
    for (let x = 0; x < b.w; x++) row += b.data[x * b.h + y] ? '#' : '.';
    rows.push(row);
  }
  return rows;
}
