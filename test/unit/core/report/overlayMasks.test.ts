import { describe, expect, it } from 'vitest';
import { overlaySvg } from '../../../../core/report/overlaySvg.js';
import { rleFromPolygons } from '../../../../core/masks/polygon.js';
import { countsToString } from '../../../../core/masks/rleString.js';

describe('the gallery overlay with masks', () => {
  it('outlines each mask, scaled, under the boxes, in its box’s colour', () => {
    // A 4×6 rectangle of pixels (x 2..5, y 1..6) on a 10×8 image.
    const rle = rleFromPolygons([[2, 1, 6, 1, 6, 7, 2, 7]], 8, 10);
    const mask = { size: [8, 10] as [number, number], counts: countsToString(rle.counts) };
    const svg = overlaySvg([{ kind: 'tp', bbox: [2, 1, 4, 6], mask }], 20, 16, 2);
    const polygon = svg.match(/<polygon points="([^"]+)"[^>]*fill="([^"]+)"/)!;
    const xy = polygon[1].split(' ').map(Number);
    const xs = xy.filter((_, i) => i % 2 === 0);
    const ys = xy.filter((_, i) => i % 2 === 1);
    // The outline runs along the pixels' outer corners, twice as large at scale 2.
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([4, 12, 2, 14]);
    expect(polygon[2]).toBe('#3b82f6');
    expect(svg.indexOf('<polygon')).toBeLessThan(svg.indexOf('<rect'));
  });

  it('draws boxes alone where there is no mask', () => {
    expect(overlaySvg([{ kind: 'fp', bbox: [0, 0, 3, 3] }], 10, 10, 1)).not.toContain('<polygon');
  });
});
