/**
 * The height of one row of the image list, in CSS pixels: a thumbnail, the file name and its size and boxes; in the
 * compare view, also each model's TP·FP·FN and the value the list is sorted by, on lines of their own.
 */
export const IMAGE_ROW_HEIGHT = { plain: 76, compared: 100 } as const;

/** Rows kept rendered above and below the visible ones, so that a short scroll shows no blank row. */
const OVERSCAN = 20;

/** The rows to render, [start, end), of `count` rows of `rowHeight` px, starting `offset` px down a list scrolled by `scrollTop` in a `height` px window. */
export function visibleRows(count: number, rowHeight: number, offset: number, scrollTop: number, height: number): [number, number] {
  const first = Math.floor((scrollTop - offset) / rowHeight);
  const last = Math.ceil((scrollTop - offset + height) / rowHeight);
  return [Math.max(0, first - OVERSCAN), Math.min(count, last + OVERSCAN)];
}

/** The scroll position that brings row `index` fully into view with the least movement (as `scrollIntoView({ block: 'nearest' })`). */
export function scrollToShow(index: number, rowHeight: number, offset: number, scrollTop: number, height: number): number {
  const top = offset + index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return scrollTop;
}
