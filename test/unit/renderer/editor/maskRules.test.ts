import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../core/ipc/types.js';
import { bitmapFromRle, bitmapToRle } from '../../../../core/masks/bitmap.js';
import { rleFromCoco, rleToCoco } from '../../../../core/masks/rleString.js';
import { withCarriedMask, withMask, withModelMask } from '../../../../renderer/src/editor/maskRules.js';
import { fromArt, toArt } from '../../core/masks/art.js';

function annotation(rows: string[] | null, bbox: [number, number, number, number]): Annotation {
  const mask = rows ? rleToCoco(bitmapToRle(fromArt(rows))) : null;
  return { id: 7, imageId: 1, categoryId: 1, bbox, area: 0, iscrowd: false, mask } as Annotation;
}

const art = (a: { mask: { size: [number, number]; counts: string } | null }) => toArt(bitmapFromRle(rleFromCoco(a.mask!.size, a.mask!.counts)));

describe('withMask', () => {
  it("sets the area to the mask's pixel count and the box to its tight extent", () => {
    const a = annotation(null, [0, 0, 5, 4]);
    const edited = withMask(a, fromArt(['.....', '.##..', '..#..', '.....']));
    expect(edited.area).toBe(3);
    expect(edited.bbox).toEqual([1, 1, 2, 2]);
  });

  it('makes a mask with no pixels no mask, the box kept and its area the box area', () => {
    const edited = withMask(annotation(['##', '..'], [0, 0, 2, 1]), fromArt(['..', '..']));
    expect(edited.mask).toBeNull();
    expect(edited.bbox).toEqual([0, 0, 2, 1]);
    expect(edited.area).toBe(2);
  });
});

describe('withModelMask', () => {
  it("takes the model's mask and its pixel count as the area, and keeps the user's box", () => {
    const mask = rleToCoco(bitmapToRle(fromArt(['.....', '.##..', '.#...', '.....'])));
    const masked = withModelMask(annotation(null, [0.5, 0, 4, 4]), mask);
    expect(masked.mask).toEqual(mask);
    expect(masked.area).toBe(3);
    expect(masked.bbox).toEqual([0.5, 0, 4, 4]);
  });
});

describe('withCarriedMask', () => {
  it('moves the mask with its box and keeps the box where it was put', () => {
    const a = annotation(['##....', '#.....', '......'], [0, 0, 2, 2]);
    const moved = withCarriedMask(a, [3.5, 1, 2, 2]);
    expect(moved.bbox).toEqual([3.5, 1, 2, 2]);
    expect(art(moved)).toEqual(['......', '...##.', '...#..']);
    expect(moved.area).toBe(3);
  });

  it('scales the mask into a resized box; a box-only annotation takes the area of its new box', () => {
    const scaled = withCarriedMask(annotation(['#...', '....', '....', '....'], [0, 0, 1, 1]), [0, 0, 2, 2]);
    expect(art(scaled)).toEqual(['##..', '##..', '....', '....']);
    expect(scaled.area).toBe(4);
    expect(withCarriedMask(annotation(null, [0, 0, 1, 1]), [0, 0, 3, 2]).area).toBe(6);
  });
});
