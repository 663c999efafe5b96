import { describe, expect, it } from 'vitest';
import { traceOutline } from '../../../../core/masks/outline.js';
import { reshapeLargestPiece } from '../../../../core/masks/reshape.js';
import { fromArt, toArt } from './art.js';

describe('reshapeLargestPiece', () => {
  it('gives back the mask for its own outline, holes and other pieces included', () => {
    const b = fromArt(['.......#', '.#####..', '.#..##..', '.#####..', '........', '#.......']);
    expect(toArt(reshapeLargestPiece(b, traceOutline(b)))).toEqual(toArt(b));
  });

  it('moves the outline where a vertex was dragged and keeps the hole and the other piece', () => {
    const b = fromArt(['.......#', '.####...', '.#.##...', '.####...', '........', '#.......']);
    // The outline [1,1]–[5,4] with its bottom-right corner dragged to (7, 5): a slanted right and bottom edge.
    const dragged = [5, 1, 7, 5, 1, 4, 1, 1];
    expect(toArt(reshapeLargestPiece(b, dragged))).toEqual(['.......#', '.####...', '.#.###..', '.#####..', '....###.', '#.......']);
  });
});
