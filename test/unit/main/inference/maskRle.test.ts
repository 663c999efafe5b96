import { describe, expect, it } from 'vitest';
import { rleDecode, rleEncode } from '../../../../core/masks/rle.js';
import { rleFromCoco, rleToCoco } from '../../../../core/masks/rleString.js';
import { MaskEncoder } from '../../../../main/inference/maskRle.js';

/** A [1, 1, h, w] probability map: `value` inside the rectangle, `outside` elsewhere. */
function map(h: number, w: number, rect: [number, number, number, number], value = 0.9, outside = 0): Float32Array {
  const m = new Float32Array(h * w).fill(outside);
  const [x0, y0, x1, y1] = rect;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * w + x] = value;
  return m;
}

/** The reference: threshold every pixel of the full image, column-major, and encode it whole. */
function naive(prob: Float32Array, h: number, w: number, t: number) {
  const col = new Uint8Array(h * w);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) col[x * h + y] = prob[y * w + x] > t ? 1 : 0;
  return rleToCoco(rleEncode(col, h, w));
}

describe('MaskEncoder', () => {
  it('matches encoding the whole thresholded image, wherever the object is', () => {
    const h = 30;
    const w = 40;
    const encoder = new MaskEncoder(w, h, 0.5);
    for (const rect of [
      [5, 4, 12, 20],
      [0, 0, 40, 30],
      [0, 10, 3, 30],
      [35, 0, 40, 5],
      [39, 29, 40, 30],
    ] as const) {
      const prob = map(h, w, [...rect]);
      expect(encoder.encode(prob, 0, h, w)).toEqual(naive(prob, h, w, 0.5));
    }
  });

  it('keeps probabilities at or below the threshold out, and an empty map is all zeros', () => {
    const encoder = new MaskEncoder(8, 6, 0.5);
    expect(encoder.encode(map(6, 8, [1, 1, 4, 4], 0.5, 0.2), 0, 6, 8)).toEqual(naive(new Float32Array(48), 6, 8, 0.5));
    expect(encoder.encode(new Float32Array(48), 0, 6, 8)).toEqual({ size: [6, 8], counts: rleToCoco({ h: 6, w: 8, counts: Uint32Array.of(48) }).counts });
  });

  it('reads the right map of several', () => {
    const first = map(10, 10, [0, 0, 2, 2]);
    const second = map(10, 10, [5, 5, 9, 8]);
    const both = new Float32Array(200);
    both.set(first, 0);
    both.set(second, 100);
    expect(new MaskEncoder(10, 10, 0.5).encode(both, 1, 10, 10)).toEqual(naive(second, 10, 10, 0.5));
  });

  it('pastes a half-size map back at full size, where the object is', () => {
    // The object covers x 10..29, y 6..21 of a 40 × 30 image; the model saw it at half size.
    const small = map(15, 20, [5, 3, 15, 11]);
    const rle = new MaskEncoder(40, 30, 0.5).encode(small, 0, 15, 20);
    expect(rle.size).toEqual([30, 40]);
    const bits = rleDecode(rleFromCoco(rle.size, rle.counts));
    const at = (x: number, y: number) => bits[x * 30 + y];
    expect(at(10, 6)).toBe(1);
    expect(at(29, 21)).toBe(1);
    expect(at(20, 14)).toBe(1);
    expect(at(8, 14)).toBe(0);
    expect(at(31, 14)).toBe(0);
    expect(at(20, 4)).toBe(0);
    expect(at(20, 23)).toBe(0);
    expect(bits.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.85 * 20 * 16);
    expect(bits.reduce((a, b) => a + b, 0)).toBeLessThan(1.15 * 20 * 16);
  });
});
