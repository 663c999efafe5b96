import { describe, expect, it } from 'vitest';
import { needsTurning, uprightSize } from '../../../../main/imaging/orientation.js';

describe('EXIF orientation', () => {
  it('swaps width and height for the quarter turns (5–8) only', () => {
    for (const o of [undefined, 1, 2, 3, 4, 9]) expect(uprightSize(40, 30, o)).toEqual({ width: 40, height: 30 });
    for (const o of [5, 6, 7, 8]) expect(uprightSize(40, 30, o)).toEqual({ width: 30, height: 40 });
  });

  it('turns the pixels for 2–8', () => {
    for (const o of [undefined, 0, 1, 9]) expect(needsTurning(o)).toBe(false);
    for (const o of [2, 3, 4, 5, 6, 7, 8]) expect(needsTurning(o)).toBe(true);
  });
});
