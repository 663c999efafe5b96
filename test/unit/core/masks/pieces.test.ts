import { describe, expect, it } from 'vitest';
import { fillHoles, keepLargestPiece, labelPieces } from '../../../../core/masks/pieces.js';
import { fromArt, toArt } from './art.js';

describe('fillHoles', () => {
  it('fills background enclosed by foreground and keeps background that reaches the border', () => {
    const b = fromArt(['######.', '#..#.#.', '######.', '#.....#', '#.###.#']);
    expect(toArt(fillHoles(b))).toEqual(['######.', '######.', '######.', '#.....#', '#.###.#']);
  });

  it('does not fill a hole that leaks through a corner to the outside only diagonally', () => {
    // The centre pixel touches the outside only at corners: 4-connected background, so it is a hole.
    const b = fromArt(['.#.', '#.#', '.#.']);
    expect(toArt(fillHoles(b))).toEqual(['.#.', '###', '.#.']);
  });
});

describe('keepLargestPiece', () => {
  it('keeps the biggest 8-connected piece, pixels meeting at a corner counting as one piece', () => {
    const b = fromArt(['##...#', '##...#', '..#...', '.....#']);
    expect(labelPieces(b).sizes).toEqual([0, 5, 2, 1]);
    expect(toArt(keepLargestPiece(b))).toEqual(['##....', '##....', '..#...', '......']);
  });

  it('leaves an empty mask empty', () => {
    expect(toArt(keepLargestPiece(fromArt(['...', '...'])))).toEqual(['...', '...']);
  });
});
