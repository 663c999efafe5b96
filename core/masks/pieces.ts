import type { Bitmap } from './bitmap.js';

/**
 * Connectivity, chosen once for every mask operation: a piece of foreground is 8-connected (pixels touching at
 * a corner belong together), so background is 4-connected (a hole is background that no edge-to-edge path
 * joins to the image border). Each is the dual of the other, so a hole never leaks through a corner.
 */

/** Labels 8-connected foreground pieces: 0 for background, 1 … n in the order their first pixel is met. */
export function labelPieces(bitmap: Bitmap): { labels: Int32Array; sizes: number[] } {
  const { h, w, data } = bitmap;
  const labels = new Int32Array(h * w);
  const sizes: number[] = [0];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || labels[start]) continue;
    const label = sizes.length;
    let size = 0;
    labels[start] = label;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      size++;
      const x = Math.floor(i / h);
      const y = i - x * h;
      for (let nx = x - 1; nx <= x + 1; nx++) {
        if (nx < 0 || nx >= w) continue;
        for (let ny = y - 1; ny <= y + 1; ny++) {
          if (ny < 0 || ny >= h) continue;
          const j = nx * h + ny;
          if (data[j] && !labels[j]) {
            labels[j] = label;
            stack.push(j);
          }
        }
      }
    }
    sizes.push(size);
  }
  return { labels, sizes };
}

/** The mask with only its largest piece (the first met among equals); an empty mask stays empty. */
export function keepLargestPiece(bitmap: Bitmap): Bitmap {
  const { labels, sizes } = labelPieces(bitmap);
  let best = 0;
  for (let l = 1; l < sizes.length; l++) if (sizes[l] > sizes[best]) best = l;
  const data = new Uint8Array(bitmap.data.length);
  if (best > 0) for (let i = 0; i < data.length; i++) data[i] = labels[i] === best ? 1 : 0;
  return { h: bitmap.h, w: bitmap.w, data };
}

/** The mask with every hole filled: background that no 4-connected path of background joins to the border. */
export function fillHoles(bitmap: Bitmap): Bitmap {
  const { h, w, data } = bitmap;
  const outside = new Uint8Array(h * w);
  const stack: number[] = [];
  const reach = (i: number) => {
    if (!data[i] && !outside[i]) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) {
    reach(x * h);
    reach(x * h + h - 1);
  }
  for (let y = 0; y < h; y++) {
    reach(y);
    reach((w - 1) * h + y);
  }
  while (stack.length > 0) {
    const i = stack.pop()!;
    const x = Math.floor(i / h);
    const y = i - x * h;
    if (x > 0) reach(i - h);
    if (x < w - 1) reach(i + h);
    if (y > 0) reach(i - 1);
    if (y < h - 1) reach(i + 1);
  }
  const filled = new Uint8Array(h * w);
  for (let i = 0; i < filled.length; i++) filled[i] = outside[i] ? 0 : 1;
  return { h, w, data: filled };
}
