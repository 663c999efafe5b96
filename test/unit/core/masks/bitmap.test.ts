import { describe, expect, it } from 'vitest';
import { bitmapArea, bitmapFromRle, bitmapToRle, emptyBitmap, paintSegment, paintStroke } from '../../../../core/masks/bitmap.js';
import { rleArea, rleToBbox } from '../../../../core/masks/rle.js';
import { fromArt, toArt } from './art.js';

describe('paintSegment', () => {
  it('paints the pixels whose centres lie within the radius of a dab', () => {
    const b = emptyBitmap(5, 5);
    paintSegment(b, { x: 2.5, y: 2.5 }, { x: 2.5, y: 2.5 }, 1, 1);
    expect(toArt(b)).toEqual(['.....', '..#..', '.###.', '..#..', '.....']);
  });

  it('paints a capsule along a segment, clipped to the image', () => {
    const b = emptyBitmap(4, 7);
    paintSegment(b, { x: 0.5, y: 1.5 }, { x: 5.5, y: 1.5 }, 1, 1);
    expect(toArt(b)).toEqual(['######.', '#######', '######.', '.......']);
    const edge = emptyBitmap(3, 3);
    paintSegment(edge, { x: -0.5, y: 1.5 }, { x: -0.5, y: 1.5 }, 1.2, 1);
    expect(toArt(edge)).toEqual(['...', '#..', '...']);
  });

  it('erases with value 0, and a stroke paints every segment', () => {
    const b = fromArt(['#####', '#####', '#####']);
    paintStroke(
      b,
      [
        { x: 0.5, y: 1.5 },
        { x: 4.5, y: 1.5 },
      ],
      0.5,
      0,
    );
    expect(toArt(b)).toEqual(['#####', '.....', '#####']);
    const l = emptyBitmap(4, 4);
    paintStroke(
      l,
      [
        { x: 0.5, y: 0.5 },
        { x: 3.5, y: 0.5 },
        { x: 3.5, y: 3.5 },
      ],
      0.5,
      1,
    );
    expect(toArt(l)).toEqual(['####', '...#', '...#', '...#']);
    expect(bitmapArea(l)).toBe(7);
  });
});

describe('bitmap and RLE', () => {
  it('convert both ways, with the area and tight box of the painted pixels', () => {
    const b = fromArt(['......', '..##..', '..###.', '......']);
    const rle = bitmapToRle(b);
    expect(rleArea(rle)).toBe(5);
    expect(rleToBbox(rle)).toEqual([2, 1, 3, 2]);
    expect(toArt(bitmapFromRle(rle))).toEqual(toArt(b));
  });
});
