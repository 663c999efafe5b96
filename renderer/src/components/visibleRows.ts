/** The height of one row of the image list, in CSS pixels: `.image-item` in styles.css has the same. */
export const IMAGE_ROW_HEIGHT = 76;

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
