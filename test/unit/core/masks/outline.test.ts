import { describe, expect, it } from 'vitest';
import { bitmapFromRle } from '../../../../core/masks/bitmap.js';
import { simplifyPolygon, traceOutline } from '../../../../core/masks/outline.js';
import { fillHoles, keepLargestPiece } from '../../../../core/masks/pieces.js';
import { rleFromPolygon } from '../../../../core/masks/polygon.js';
import { fromArt, toArt } from './art.js';

const rasterised = (xy: number[], h: number, w: number) => toArt(bitmapFromRle(rleFromPolygon(xy, h, w)));

describe('traceOutline', () => {
  it('traces a rectangle to its four pixel corners, clockwise on screen', () => {
    expect(traceOutline(fromArt(['....', '.##.', '.##.', '....']))).toEqual([3, 1, 3, 3, 1, 3, 1, 1]);
  });

  it('gives back the piece, holes filled, when rasterised as pycocotools rasterises polygons', () => {
    const shapes = [
      ['.......', '.####..', '.#..#..', '.####..', '...###.', '.......'],
      ['#......', '##.....', '###....', '.###...', '..####.', '...###.'],
      ['.#.#.', '#####', '.#.#.', '#####', '.#.#.'],
      ['##....', '##....', '..##..', '..##..', '....##'],
    ];
    for (const rows of shapes) {
      const b = fromArt(rows);
      const xy = traceOutline(b);
      expect(rasterised(xy, b.h, b.w)).toEqual(toArt(fillHoles(keepLargestPiece(b))));
    }
  });

  it('outlines only the largest piece, and nothing for an empty mask', () => {
    expect(traceOutline(fromArt(['#...', '..##', '..##']))).toEqual([4, 1, 4, 3, 2, 3, 2, 1]);
    expect(traceOutline(fromArt(['...']))).toEqual([]);
  });
});

describe('simplifyPolygon', () => {
  it('drops the vertices of a staircase within the tolerance and keeps the corners beyond it', () => {
    const stairs = [0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 3, 2, 3, 3, 0, 3];
    expect(simplifyPolygon(stairs, 0.75)).toEqual([0, 0, 3, 3, 0, 3]);
    expect(simplifyPolygon(stairs, 0.1)).toEqual(stairs);
  });
});
