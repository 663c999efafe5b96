import { describe, expect, it } from 'vitest';
import { seeded } from '../../../../bench/seeded.js';
import { rleFromPolygon } from '../../../../core/masks/polygon.js';
import { rleArea, rleDecode } from '../../../../core/masks/rle.js';
import { referencePolygonMask } from '../../../helpers/polygonReference.js';

function sameAsReference(xy: number[], h: number, w: number): void {
  const got = rleDecode(rleFromPolygon(xy, h, w));
  const want = referencePolygonMask(xy, h, w);
  const first = got.findIndex((v, i) => v !== want[i]);
  expect(first, `polygon ${JSON.stringify(xy)} on ${w}×${h}: first differing pixel (column-major)`).toBe(-1);
}

describe('rleFromPolygon is bounded by the image, and still exactly maskApi', () => {
  it('equals the point-by-point reference on random polygons reaching far outside the image', () => {
    const rand = seeded(20261201);
    for (let i = 0; i < 400; i++) {
      const w = 1 + Math.floor(rand() * 60);
      const h = 1 + Math.floor(rand() * 60);
      const n = 3 + Math.floor(rand() * 6);
      const reach = [1.2, 3, 20][i % 3];
      const integer = i % 4 === 0;
      const xy: number[] = [];
      for (let j = 0; j < n; j++) {
        const x = (rand() * (reach + 1) - reach / 2) * w;
        const y = (rand() * (reach + 1) - reach / 2) * h;
        xy.push(integer ? Math.round(x) : x, integer ? Math.round(y) : y);
      }
      sameAsReference(xy, h, w);
    }
  });

  it('equals the reference on edges that are vertical, horizontal, diagonal, degenerate or wholly outside', () => {
    const cases: [number[], number, number][] = [
      [[2, -50, 2.4, 90, 7, 90, 7.2, -50], 30, 20],
      [[-40, 3, 60, 3, 60, 9.5, -40, 9.5], 12, 25],
      [[-30, -30, 50, 50, 50, -30], 40, 40],
      [[5, 5, 5, 5, 5, 5], 10, 10],
      [[3, 3, 8, 3, 3, 3, 8, 3], 10, 10],
      [[-90, -90, -60, -95, -70, -40], 20, 20],
      [[300, 10, 320, 40, 310, 90], 20, 20],
      [[0, 0, 0, 20, 20, 20, 20, 0], 20, 20],
      [[-0.3, -0.7, -0.1, 12.6, 9.9, 12.4], 13, 10],
      [[0.1, -1000, 0.2, 1000, 39.9, 1000, 39.8, -1000], 30, 40],
    ];
    for (const [xy, h, w] of cases) sameAsReference(xy, h, w);
  });

  it('rasterises a triangle with vertices at 4e7 px on a 640×480 image as the part inside it', () => {
    const xy = [-4e7, -4e7, 4e7, 240, -4e7, 4e7];
    const rle = rleFromPolygon(xy, 480, 640);
    expect(rle.h).toBe(480);
    expect(rle.w).toBe(640);
    // The triangle covers the whole image but for a thin wedge on the right: almost all of its pixels.
    expect(rleArea(rle)).toBeGreaterThan(0.99 * 640 * 480);
    expect(rleArea(rle)).toBeLessThanOrEqual(640 * 480);
  });
});
