import { describe, expect, it } from 'vitest';
import { guidedFilter } from '../../../../core/masks/guidedFilter.js';

describe('guidedFilter', () => {
  it("moves a blurred edge of the input onto the guide's edge", () => {
    // One row of 12: the guide steps from dark to bright between cells 5 and 6; the input ramps across 3..8.
    const grey = Float32Array.from({ length: 12 }, (_, i) => (i < 6 ? 0.1 : 0.9));
    const guide = [grey, grey, grey] as const;
    const input = Float32Array.from({ length: 12 }, (_, i) => Math.min(1, Math.max(0, (i - 3) / 5)));
    const out = guidedFilter(guide, input, 12, 1, 3, 1e-4);
    expect(Array.from(out.slice(0, 6)).every((v) => v < 0.5)).toBe(true);
    expect(Array.from(out.slice(6)).every((v) => v > 0.5)).toBe(true);
    expect(input[5]).toBeLessThan(0.5);
    expect(input[6]).toBeLessThan(0.7);
    expect(out[6]).toBeGreaterThan(input[6]);
  });

  it('follows an edge of colour where the brightness does not change', () => {
    // Red on the left, green on the right, of one brightness in the mean of the planes; the input ramps across.
    const red = Float32Array.from({ length: 12 }, (_, i) => (i < 6 ? 0.8 : 0.2));
    const green = Float32Array.from({ length: 12 }, (_, i) => (i < 6 ? 0.2 : 0.8));
    const input = Float32Array.from({ length: 12 }, (_, i) => Math.min(1, Math.max(0, (i - 3) / 5)));
    const out = guidedFilter([red, green, new Float32Array(12).fill(0.5)], input, 12, 1, 3, 1e-4);
    expect(Array.from(out.slice(0, 6)).every((v) => v < 0.5)).toBe(true);
    expect(Array.from(out.slice(6)).every((v) => v > 0.5)).toBe(true);
  });

  it('keeps a flat input flat, and smooths where the guide is flat', () => {
    const plain = new Float32Array(9).fill(0.5);
    const flat = guidedFilter([plain, plain, plain], new Float32Array(9).fill(0.7), 3, 3, 1, 0.01);
    for (const v of flat) expect(v).toBeCloseTo(0.7, 6);
    const spike = Float32Array.of(0, 0, 0, 0, 1, 0, 0, 0, 0);
    const smoothed = guidedFilter([plain, plain, plain], spike, 3, 3, 1, 0.01);
    // A flat guide explains nothing, so the output is the input's window mean, averaged over the window again:
    // the windows (clipped) hold 4 cells at the corners, 6 at the edges and 9 at the centre, each with the spike.
    expect(smoothed[4]).toBeCloseTo((4 / 4 + 4 / 6 + 1 / 9) / 9, 5);
  });
});
