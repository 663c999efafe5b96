import { describe, expect, it } from 'vitest';
import { boxIou, boxIouMatrix, maskIou, maskIouMatrix } from '../../../../core/masks/iou.js';
import { rleFromBbox } from '../../../../core/masks/polygon.js';

describe('boxIou', () => {
  it('is intersection over union with no +1 convention', () => {
    expect(boxIou([0, 0, 10, 10], [5, 0, 10, 10], false)).toBe(50 / 150);
    expect(boxIou([0, 0, 10, 10], [0, 0, 10, 10], false)).toBe(1);
    expect(boxIou([0, 0, 20, 10], [0, 0, 10, 10], false)).toBe(0.5);
  });

  it('is 0 for boxes that only touch or are apart', () => {
    expect(boxIou([0, 0, 10, 10], [10, 0, 5, 5], false)).toBe(0);
    expect(boxIou([0, 0, 10, 10], [0, 10, 5, 5], false)).toBe(0);
    expect(boxIou([0, 0, 10, 10], [30, 30, 5, 5], true)).toBe(0);
  });

  it("uses the detection's own area as the union against a crowd region", () => {
    expect(boxIou([0, 0, 10, 10], [5, 0, 100, 100], true)).toBe(0.5);
    expect(boxIou([10, 10, 5, 5], [0, 0, 100, 100], true)).toBe(1);
  });

  it('builds a [detection][groundTruth] matrix', () => {
    const m = boxIouMatrix(
      [
        [0, 0, 10, 10],
        [5, 0, 10, 10],
      ],
      [
        [0, 0, 10, 10],
        [5, 0, 100, 100],
        [50, 50, 1, 1],
      ],
      [false, true, false],
    );
    expect(Array.from(m)).toEqual([1, 0.5, 0, 1 / 3, 1, 0]);
  });
});

describe('maskIou', () => {
  it('matches the box IoU for masks of integer boxes', () => {
    const a = rleFromBbox([0, 0, 4, 4], 10, 10);
    const b = rleFromBbox([2, 0, 4, 4], 10, 10);
    expect(maskIou(a, b, false)).toBe(8 / 24);
    expect(maskIou(a, b, true)).toBe(8 / 16);
    expect(maskIou(a, rleFromBbox([6, 6, 2, 2], 10, 10), false)).toBe(0);
  });

  it('refuses masks of different sizes', () => {
    expect(() => maskIou(rleFromBbox([0, 0, 4, 4], 10, 10), rleFromBbox([0, 0, 4, 4], 10, 11), false)).toThrow(/different sizes/);
  });

  it('builds a matrix, skipping pairs whose boxes do not overlap', () => {
    const dts = [rleFromBbox([0, 0, 4, 4], 8, 8), rleFromBbox([4, 4, 4, 4], 8, 8)];
    const gts = [rleFromBbox([0, 0, 4, 2], 8, 8), rleFromBbox([0, 0, 8, 8], 8, 8)];
    expect(Array.from(maskIouMatrix(dts, gts, [false, true]))).toEqual([0.5, 1, 0, 1]);
  });
});
