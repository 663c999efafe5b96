import { describe, expect, it } from 'vitest';
import { decodeYolox, letterbox, yoloxAnchorCount } from '../../../../core/detect/yolox.js';

/** A raw head output for a 64 × 64 input with every cell empty except the ones set. */
function head(classes: number, cells: { row: number; values: number[] }[]): Float32Array {
  const out = new Float32Array(yoloxAnchorCount(64, 64) * (5 + classes));
  for (const { row, values } of cells) out.set(values, row * (5 + classes));
  return out;
}

const base = {
  inputWidth: 64,
  inputHeight: 64,
  ratio: 1,
  imageWidth: 64,
  imageHeight: 64,
  scoreThreshold: 0.3,
  nmsThreshold: 0.45,
  maxDetections: 100,
  keepClass: () => true,
};

describe('YOLOX decoding', () => {
  it('counts anchors over strides 8, 16 and 32', () => {
    expect(yoloxAnchorCount(416, 416)).toBe(3549);
    expect(yoloxAnchorCount(192, 192)).toBe(756);
    expect(yoloxAnchorCount(64, 64)).toBe(64 + 16 + 4);
  });

  it('letterboxes by the smaller ratio, keeping the aspect', () => {
    expect(letterbox(640, 480, 416, 416)).toEqual({ ratio: 0.65, width: 416, height: 312 });
    expect(letterbox(316, 316, 192, 192).width).toBe(192);
  });

  it('decodes centre, size and score per grid cell and stride', () => {
    // Stride 8 grid is 8 × 8: row 10 is cell (x 2, y 1). Stride 16 starts at row 64: row 64 + 5 is (1, 1).
    const out = head(2, [
      { row: 10, values: [0.5, 0.5, Math.log(2), Math.log(3), 0.9, 0.8, 0.1] },
      { row: 69, values: [0, 0, 0, 0, 0.5, 0.2, 0.9] },
    ]);
    const found = decodeYolox(out, 7, base);
    expect(found).toHaveLength(2);
    const [a, b] = found;
    expect(a.classIndex).toBe(0);
    expect(a.score).toBeCloseTo(0.72);
    expect(a.box.map((v) => +v.toFixed(4))).toEqual([20 - 8, 12 - 12, 20 + 8, 12 + 12]);
    expect(b.classIndex).toBe(1);
    expect(b.score).toBeCloseTo(0.45);
    expect(b.box).toEqual([16 - 8, 16 - 8, 16 + 8, 16 + 8]);
  });

  it('undoes the letterbox, clips to the image, and skips classes not kept', () => {
    const out = head(2, [{ row: 10, values: [0.5, 0.5, Math.log(2), Math.log(3), 0.9, 0.8, 0.7] }]);
    const found = decodeYolox(out, 7, { ...base, ratio: 0.5, imageWidth: 50, imageHeight: 100, keepClass: (c) => c === 1 });
    expect(found).toHaveLength(1);
    expect(found[0].classIndex).toBe(1);
    expect(found[0].box.map((v) => +v.toFixed(4))).toEqual([24, 0, 50, 48]);
  });
});
