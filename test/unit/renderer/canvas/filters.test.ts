import { describe, expect, it } from 'vitest';
import { boxBlur, brightnessContrast, filterChain, gaussianBlur, sharpen, sobelEdges, type Pixels } from '../../../../renderer/src/canvas/filters.js';

function image(width: number, height: number, value: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = value(x, y);
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}

const grey = (p: Pixels, x: number, y: number) => p.data[(y * p.width + x) * 4];

describe('view filters', () => {
  it('leave a flat image flat (blurs, sharpen) and keep alpha', () => {
    for (const f of [boxBlur, gaussianBlur, sharpen]) {
      const p = image(6, 5, () => 90);
      f(p);
      expect([...p.data].filter((_, i) => i % 4 !== 3).every((v) => v === 90)).toBe(true);
      expect([...p.data].filter((_, i) => i % 4 === 3).every((v) => v === 255)).toBe(true);
    }
  });

  it('Sobel marks a vertical step and nothing else', () => {
    const p = image(8, 4, (x) => (x < 4 ? 0 : 200));
    sobelEdges(p);
    expect(grey(p, 1, 2)).toBe(0);
    expect(grey(p, 6, 2)).toBe(0);
    expect(grey(p, 3, 2)).toBe(255);
    expect(grey(p, 4, 2)).toBe(255);
  });

  it('box blur averages a single bright pixel over its 3×3 neighbourhood', () => {
    const p = image(5, 5, (x, y) => (x === 2 && y === 2 ? 180 : 0));
    boxBlur(p);
    expect(grey(p, 1, 1)).toBe(20);
    expect(grey(p, 2, 2)).toBe(20);
    expect(grey(p, 0, 0)).toBe(0);
  });

  it('sharpen raises a bright pixel above its neighbours', () => {
    const p = image(5, 5, (x, y) => (x === 2 && y === 2 ? 120 : 100));
    sharpen(p);
    expect(grey(p, 2, 2)).toBe(200);
    expect(grey(p, 2, 1)).toBe(80);
  });

  it('brightness shifts and contrast stretches around mid-grey', () => {
    const p = image(2, 1, (x) => (x === 0 ? 100 : 200));
    brightnessContrast(p, 10, 0);
    expect([grey(p, 0, 0), grey(p, 1, 0)]).toEqual([126, 226]);
    const q = image(2, 1, (x) => (x === 0 ? 100 : 156));
    brightnessContrast(q, 0, 50);
    expect(grey(q, 0, 0)).toBeLessThan(100);
    expect(grey(q, 1, 0)).toBeGreaterThan(156);
  });

  it('chains nothing for the identity view and one step per effect otherwise', () => {
    expect(filterChain({ kind: 'none', brightness: 0, contrast: 0 })).toHaveLength(0);
    expect(filterChain({ kind: 'edges', brightness: 5, contrast: 0 })).toHaveLength(2);
  });
});
