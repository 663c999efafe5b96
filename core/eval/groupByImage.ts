import type { ImageId } from './types.js';

/** Items (ground truth, detections) in lists per image, each list in the items' order. */
export function groupByImage<T extends { readonly imageId: ImageId }>(items: readonly T[]): Map<ImageId, T[]> {
  const out = new Map<ImageId, T[]>();
  for (const item of items) {
    const list = out.get(item.imageId);
    if (list) list.push(item);
    else out.set(item.imageId, [item]);
  }
  return out;
}
