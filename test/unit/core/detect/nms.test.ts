import { describe, expect, it } from 'vitest';
import { cornersIou, nms } from '../../../../core/detect/nms.js';
import type { RawDetection } from '../../../../core/detect/types.js';

const d = (box: [number, number, number, number], score: number, classIndex = 0): RawDetection => ({ box, score, classIndex });

describe('nms', () => {
  it('computes IoU of corner boxes', () => {
    expect(cornersIou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(cornersIou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(50 / 150);
    expect(cornersIou([0, 0, 10, 10], [10, 0, 20, 10])).toBe(0);
  });

  it('keeps the best of overlapping boxes of a class, best first, and boxes of other classes', () => {
    const kept = nms([d([0, 0, 10, 10], 0.6), d([1, 0, 11, 10], 0.9), d([50, 50, 60, 60], 0.7), d([1, 0, 11, 10], 0.8, 1)], 0.45);
    expect(kept.map((k) => k.score)).toEqual([0.9, 0.8, 0.7]);
  });

  it('suppresses only above the threshold and stops at maxKeep', () => {
    const a = d([0, 0, 10, 10], 0.9);
    const b = d([5, 0, 15, 10], 0.8);
    expect(nms([a, b], 0.33)).toEqual([a]);
    expect(nms([a, b], 0.34)).toEqual([a, b]);
    expect(nms([a, b], 0.9, 1)).toEqual([a]);
  });
});
