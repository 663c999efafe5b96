import { describe, expect, it } from 'vitest';
import { applyLocally, inverse, reconcile } from '../../../../renderer/src/editor/change.js';
import { boxAnnotation } from '../../../helpers/boxAnnotation.js';

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
