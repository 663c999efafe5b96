import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleRows } from '../../../../renderer/src/components/visibleRows.js';

describe('visibleRows', () => {
  it('renders the rows in view and 20 either side, within the list', () => {
    expect(visibleRows(10_000, 76, 4, 0, 760)).toEqual([0, 30]);
    expect(visibleRows(10_000, 76, 4, 76 * 500 + 4, 760)).toEqual([480, 530]);
    expect(visibleRows(10_000, 76, 4, 76 * 9_990 + 4, 760)).toEqual([9_970, 10_000]);
  });
  it('renders every row of a short list, and some rows before the list is measured', () => {
    expect(visibleRows(12, 76, 4, 0, 600)).toEqual([0, 12]);
    expect(visibleRows(100, 76, 4, 0, 0)).toEqual([0, 20]);
  });
});

describe('scrollToShow', () => {
  it('leaves a row in view alone and scrolls the least to show one above or below', () => {
    expect(scrollToShow(3, 76, 4, 0, 760)).toBe(0);
    expect(scrollToShow(2, 76, 4, 500, 760)).toBe(4 + 152);
    expect(scrollToShow(20, 76, 4, 0, 760)).toBe(4 + 21 * 76 - 760);
  });
});
