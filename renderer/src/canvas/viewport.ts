/** Stage placement of the image: screen = image * scale + offset. The only place screen and image space meet. */
export interface Viewport {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 40;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The whole image centred in the stage, with a margin. */
export function fitViewport(image: Size, stage: Size, margin = 16): Viewport {
  const scale = clampScale(Math.min((stage.width - 2 * margin) / image.width, (stage.height - 2 * margin) / image.height));
  return centred(image, stage, scale);
}

export function centred(image: Size, stage: Size, scale: number): Viewport {
  return { scale, x: (stage.width - image.width * scale) / 2, y: (stage.height - image.height * scale) / 2 };
}

/** Zooms to a new scale keeping the image point under `pointer` (stage pixels) where it is. */
export function zoomAt(view: Viewport, pointer: { x: number; y: number }, scale: number): Viewport {
  const next = clampScale(scale);
  const ix = (pointer.x - view.x) / view.scale;
  const iy = (pointer.y - view.y) / view.scale;
  return { scale: next, x: pointer.x - ix * next, y: pointer.y - iy * next };
}

export function toImage(view: Viewport, point: { x: number; y: number }): { x: number; y: number } {
  return { x: (point.x - view.x) / view.scale, y: (point.y - view.y) / view.scale };
}

/** Wheel steps to a zoom factor: one notch (100) is ×1.2. */
export function wheelFactor(deltaY: number): number {
  return Math.pow(1.2, -deltaY / 100);
}
