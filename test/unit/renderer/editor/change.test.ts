import { describe, expect, it } from 'vitest';
import { applyLocally, inverse, reconcile, withAnswer } from '../../../../renderer/src/editor/change.js';
import { boxAnnotation } from '../../../helpers/boxAnnotation.js';
import type { Annotation } from '../../../../core/ipc/types.js';

const annotation = boxAnnotation;

describe('editor changes', () => {
  it('applies an update locally and undoes it with its inverse', () => {
    const before = [annotation(1, [0, 0, 10, 10]), annotation(2, [5, 5, 10, 10])];
    const change = { create: [], update: [{ ...before[1], bbox: [6, 5, 10, 10] as [number, number, number, number] }], delete: [1] };
    const after = applyLocally(before, change);
    expect(after.map((a) => [a.id, a.bbox])).toEqual([[2, [6, 5, 10, 10]]]);
    const back = inverse(change, before, []);
    expect(back.create.map((a) => a.bbox)).toEqual([[0, 0, 10, 10]]);
    expect(back.update.map((a) => a.bbox)).toEqual([[5, 5, 10, 10]]);
  });

  it("keeps unchanged objects, and the very array when the store's answer changes nothing", () => {
    const shown = [annotation(1, [0, 0, 10, 10]), annotation(2, [5, 5, 10, 10])];
    const same = reconcile(
      shown,
      shown.map((a) => ({ ...a, bbox: [...a.bbox] as typeof a.bbox })),
    );
    expect(same).toBe(shown);

    const moved = reconcile(shown, [{ ...shown[0] }, { ...shown[1], bbox: [7, 5, 10, 10] }]);
    expect(moved).not.toBe(shown);
    expect(moved[0]).toBe(shown[0]);
    expect(moved[1].bbox).toEqual([7, 5, 10, 10]);
  });
});

describe('withAnswer', () => {
  const a = (id: number, x = 0): Annotation => ({ id, imageId: 1, categoryId: 1, bbox: [x, 0, 5, 5], area: 25, iscrowd: false, mask: null });

  it('drops what the edit deleted, takes what it updated and created as stored, in id order', () => {
    const confirmed = [a(2), a(5), a(9)];
    const next = withAnswer(confirmed, [5], [a(9, 3), a(4, 1), a(12, 2)]);
    expect(next).toEqual([a(2), a(4, 1), a(9, 3), a(12, 2)]);
    expect(next[0]).toBe(confirmed[0]);
  });

  it('keeps the list as it is for an answer with nothing in it', () => {
    const confirmed = [a(1), a(2)];
    expect(withAnswer(confirmed, [], [])).toEqual(confirmed);
  });
});
