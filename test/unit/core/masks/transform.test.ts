import { describe, expect, it } from 'vitest';
import { transformMask } from '../../../../core/masks/transform.js';
import { fromArt, toArt } from './art.js';

describe('transformMask', () => {
  it('moves a mask with its box by whole pixels exactly, losing what leaves the image', () => {
    const b = fromArt(['##....', '#.....', '......']);
    expect(toArt(transformMask(b, [0, 0, 2, 2], [3, 1, 2, 2]))).toEqual(['......', '...##.', '...#..']);
    expect(toArt(transformMask(b, [0, 0, 2, 2], [5, 0, 2, 2]))).toEqual(['.....#', '.....#', '......']);
  });

  it('scales a mask into a resized box, each pixel from the one its centre maps back to', () => {
    const b = fromArt(['##..', '#...', '....', '....']);
    expect(toArt(transformMask(b, [0, 0, 2, 2], [0, 0, 4, 4]))).toEqual(['####', '####', '##..', '##..']);
    expect(toArt(transformMask(fromArt(['####', '####', '##..', '##..']), [0, 0, 4, 4], [1, 1, 2, 2]))).toEqual(['....', '.##.', '.#..', '....']);
  });

  it('carries nothing into a box with no area', () => {
    expect(toArt(transformMask(fromArt(['##']), [0, 0, 2, 1], [0, 0, 0, 1]))).toEqual(['..']);
  });
});
