import type { Bitmap } from './bitmap.js';
import { keepLargestPiece } from './pieces.js';

/**
 * The outer outline of a mask's largest piece, as a polygon `[x0, y0, x1, y1, …]` in image pixels whose
 * vertices are pixel corners, going clockwise on screen; empty for an empty mask. Holes are not part of it.
 * Rasterised by rleFromPolygon (pycocotools' rule) it gives back the piece with its holes filled, pixel for
 * pixel: a vertical edge at x samples column x inside and column x - 1 outside, and likewise for rows.
 */
export function traceOutline(bitmap: Bitmap): number[] {
  const piece = keepLargestPiece(bitmap);
  const { h, w, data } = piece;
  const first = data.indexOf(1);
  if (first < 0) return [];
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && data[x * h + y] === 1;
  // The first pixel in column order has nothing on its left or above: start at its top-left corner, heading
  // right with the piece on the right-hand side (below), and follow the edge until back at the start.
  const sx = Math.floor(first / h);
  const sy = first - sx * h;
  let x = sx;
  let y = sy;
  let dx = 1;
  let dy = 0;
  const xy: number[] = [];
  do {
    const prevDx = dx;
    const prevDy = dy;
    x += dx;
    y += dy;
    // The two pixels ahead of corner (x, y): ahead-left and ahead-right of the heading; (rx, ry) is "right".
    const rx = -dy;
    const ry = dx;
    const aheadLeft = on(x + Math.floor((dx - rx) / 2), y + Math.floor((dy - ry) / 2));
    const aheadRight = on(x + Math.floor((dx + rx) / 2), y + Math.floor((dy + ry) / 2));
    if (aheadLeft) {
      // Turn left: around an inner corner, or across a corner to a diagonal neighbour (8-connected).
      [dx, dy] = [dy, -dx];
    } else if (!aheadRight) {
      [dx, dy] = [-dy, dx];
    }
    if (dx !== prevDx || dy !== prevDy) xy.push(x, y);
  } while (x !== sx || y !== sy || dx !== 1 || dy !== 0);
  return xy;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * A closed polygon with fewer vertices, none of the dropped ones farther than `tolerance` pixels from the
 * outline that replaces it (Douglas–Peucker, split at the vertex farthest from the first). A pixel outline of a
 * person has a vertex at every step of its staircase; at a tolerance of about a pixel it keeps its shape with
 * a few dozen vertices one can move.
 */
export function simplifyPolygon(xy: readonly number[], tolerance: number): number[] {
  const n = xy.length >> 1;
  if (n <= 3) return [...xy];
  let far = 0;
  let farD = -1;
  for (let i = 1; i < n; i++) {
    const d = Math.hypot(xy[2 * i] - xy[0], xy[2 * i + 1] - xy[1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const keep = new Uint8Array(n + 1);
  keep[0] = keep[far] = keep[n] = 1;
  const px = (i: number) => xy[2 * (i % n)];
  const py = (i: number) => xy[2 * (i % n) + 1];
  const spans: [number, number][] = [
    [0, far],
    [far, n],
  ];
  while (spans.length > 0) {
    const [a, b] = spans.pop()!;
    let worst = -1;
    let worstD = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = distanceToSegment(px(i), py(i), px(a), py(a), px(b), py(b));
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      spans.push([a, worst], [worst, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(xy[2 * i], xy[2 * i + 1]);
  return out;
}
