import { boxIou as maskBoxIou } from '../masks/iou.js';

/** Axis-aligned boxes in image pixels, COCO style: [x, y, width, height]. */
export type Box = [number, number, number, number];

export interface Point {
  x: number;
  y: number;
}

/** The box spanned by two corners, whichever way the drag went. */
export function boxFromCorners(a: Point, b: Point): Box {
  return [Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(b.x - a.x), Math.abs(b.y - a.y)];
}

/** Clips a box to the image; a box entirely outside collapses to zero size on the nearest edge. */
export function clipBox([x, y, w, h]: Box, width: number, height: number): Box {
  const x1 = Math.min(Math.max(x, 0), width);
  const y1 = Math.min(Math.max(y, 0), height);
  const x2 = Math.min(Math.max(x + w, 0), width);
  const y2 = Math.min(Math.max(y + h, 0), height);
  return [x1, y1, x2 - x1, y2 - y1];
}

/** Moves a box by (dx, dy) without letting it leave the image; its size never changes. */
export function moveBoxInside([x, y, w, h]: Box, dx: number, dy: number, width: number, height: number): Box {
  const nx = Math.min(Math.max(x + dx, 0), Math.max(0, width - w));
  const ny = Math.min(Math.max(y + dy, 0), Math.max(0, height - h));
  return [nx, ny, w, h];
}

/** Image pixels are addressed at 1/100 px: finer digits are drag noise, not intent. */
export function roundBox(box: Box): Box {
  return box.map((v) => Math.round(v * 100) / 100) as Box;
}

export function boxArea([, , w, h]: Box): number {
  return w * h;
}

export function boxContainsPoint([x, y, w, h]: Box, p: Point): boolean {
  return p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h;
}

/** Whether two boxes overlap (touching edges count). */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a[0] <= b[0] + b[2] && b[0] <= a[0] + a[2] && a[1] <= b[1] + b[3] && b[1] <= a[1] + a[3];
}

/** Intersection over union of two boxes, no +1 (as pycocotools): the same as core/masks/iou.ts, against a non-crowd box. */
export function boxIou(a: Box, b: Box): number {
  return maskBoxIou(a, b, false);
}
