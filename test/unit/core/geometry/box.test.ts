import { describe, expect, it } from 'vitest';
import { boxContainsPoint, boxesIntersect, boxFromCorners, boxIou, clipBox, moveBoxInside, roundBox } from '../../../../core/geometry/box.js';

describe('box geometry', () => {
  it('builds the same box whichever way the drag goes', () => {
    expect(boxFromCorners({ x: 10, y: 20 }, { x: 40, y: 60 })).toEqual([10, 20, 30, 40]);
    expect(boxFromCorners({ x: 40, y: 60 }, { x: 10, y: 20 })).toEqual([10, 20, 30, 40]);
    expect(boxFromCorners({ x: 40, y: 20 }, { x: 10, y: 60 })).toEqual([10, 20, 30, 40]);
  });

  it('clips to the image', () => {
    expect(clipBox([-10, -5, 50, 30], 100, 100)).toEqual([0, 0, 40, 25]);
    expect(clipBox([90, 95, 50, 30], 100, 100)).toEqual([90, 95, 10, 5]);
    expect(clipBox([200, 200, 5, 5], 100, 100)).toEqual([100, 100, 0, 0]);
  });

  it('moves inside the image keeping the size', () => {
    expect(moveBoxInside([10, 10, 20, 20], 5, -3, 100, 100)).toEqual([15, 7, 20, 20]);
    expect(moveBoxInside([10, 10, 20, 20], 500, -300, 100, 100)).toEqual([80, 0, 20, 20]);
  });

  it('rounds away drag noise below 1/100 px', () => {
    expect(roundBox([10.123456, 0.004, 3.333333, 7])).toEqual([10.12, 0, 3.33, 7]);
  });

  it('answers containment, overlap and IoU', () => {
    expect(boxContainsPoint([0, 0, 10, 10], { x: 10, y: 5 })).toBe(true);
    expect(boxContainsPoint([0, 0, 10, 10], { x: 10.1, y: 5 })).toBe(false);
    expect(boxesIntersect([0, 0, 10, 10], [10, 10, 5, 5])).toBe(true);
    expect(boxesIntersect([0, 0, 10, 10], [11, 0, 5, 5])).toBe(false);
    expect(boxIou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150, 12);
    expect(boxIou([0, 0, 10, 10], [20, 0, 10, 10])).toBe(0);
  });
});
