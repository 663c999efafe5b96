import { describe, expect, it } from 'vitest';
import type { Annotation, BoxMask } from '../../../../core/ipc/types.js';
import { bitmapToRle } from '../../../../core/masks/bitmap.js';
import { rleToCoco } from '../../../../core/masks/rleString.js';
import { maskNotice, modelMaskEdit } from '../../../../renderer/src/editor/modelMasks.js';
import { fromArt } from '../../core/masks/art.js';

const person = rleToCoco(bitmapToRle(fromArt(['......', '.##...', '.##...', '......'])));
const box = (id: number, bbox: [number, number, number, number]): Annotation => ({
  id,
  imageId: 1,
  categoryId: 1,
  bbox,
  area: bbox[2] * bbox[3],
  iscrowd: false,
  mask: null,
});
const found: BoxMask = { mask: person, score: 0.9, reason: null };
const none = (reason: string): BoxMask => ({ mask: null, score: null, reason });

describe('modelMaskEdit', () => {
  it("gives each box the model's mask with the mask's area, its box unchanged; a box without one says why", () => {
    const asked = [box(1, [0, 0, 4, 4]), box(2, [3, 0, 3, 4])];
    const { update, outcome } = modelMaskEdit(asked, [found, none('No detection matches the box.')], asked);
    expect(update).toEqual([{ id: 1, categoryId: 1, bbox: [0, 0, 4, 4], area: 4, iscrowd: false, mask: person }]);
    expect(outcome).toEqual({ added: 1, missed: 1, reasons: ['No detection matches the box.'] });
  });

  it('leaves alone a box moved or deleted while the model worked', () => {
    const asked = [box(1, [0, 0, 4, 4]), box(2, [3, 0, 3, 4])];
    const { update, outcome } = modelMaskEdit(asked, [found, found], [box(1, [1, 0, 4, 4])]);
    expect(update).toEqual([]);
    expect(outcome).toMatchObject({ added: 0, missed: 0 });
  });

  it('answers only the boxes asked so far (a cancelled fill)', () => {
    const asked = [box(1, [0, 0, 4, 4]), box(2, [3, 0, 3, 4])];
    expect(modelMaskEdit(asked, [found], asked).update.map((u) => u.id)).toEqual([1]);
  });
});

describe('maskNotice', () => {
  it('counts masks and misses, says each reason once (or that no person was found), and how far a cancelled fill got', () => {
    expect(maskNotice({ added: 1, missed: 1, reasons: ['No detection matches the box.'] })).toBe(
      '1 mask added, no mask for 1 box: No detection matches the box.',
    );
    expect(maskNotice({ added: 3, missed: 2, reasons: ['Too small.', 'Too small.'] })).toBe('3 masks added, no mask for 2 boxes: Too small.');
    expect(maskNotice({ added: 12, missed: 3 })).toBe('12 masks added, 3 boxes where the model found no person');
    expect(maskNotice({ added: 1, missed: 0, cancelled: { done: 1, total: 2 } })).toBe('Cancelled after 1 of 2 boxes: 1 mask added');
  });
});
