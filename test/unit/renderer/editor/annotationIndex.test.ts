import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../core/ipc/types.js';
import { annotationsWithIds, placeOf } from '../../../../renderer/src/editor/annotationIndex.js';
import { applyLocally, reconcile, withAnswer, type Change } from '../../../../renderer/src/editor/change.js';
import { boxAnnotation } from '../../../helpers/boxAnnotation.js';

/** The annotations with these ids, read the plain way: every box looked at. */
const byFilter = (list: readonly Annotation[], ids: readonly number[]) => list.filter((a) => ids.includes(a.id));

/** A small deterministic generator, so a failing sequence can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('annotation index', () => {
  it('finds annotations by id in the list order, each once, leaving out ids the list lacks', () => {
    const list = [boxAnnotation(3, [0, 0, 5, 5]), boxAnnotation(8, [1, 0, 5, 5]), boxAnnotation(11, [2, 0, 5, 5])];
    expect(annotationsWithIds(list, [11, 3, 99, 3]).map((a) => a.id)).toEqual([3, 11]);
    expect(placeOf(list, 8)).toBe(1);
    expect(placeOf(list, 99)).toBe(-1);
  });

  it('stays right through edits that keep every place, and through those that do not', () => {
    const next = random(7);
    let shown = Array.from({ length: 60 }, (_, i) => boxAnnotation(i + 1, [i, 0, 5, 5]));
    let confirmed = shown;
    let nextId = 61;
    for (let round = 0; round < 300; round++) {
      const ids = shown.map((a) => a.id);
      const pick = () => ids[Math.floor(next() * ids.length)];
      const kind = next();
      const change: Change =
        kind < 0.6
          ? { create: [], update: [pick(), pick()].map((id) => ({ ...shown.find((a) => a.id === id)!, bbox: [round, 1, 5, 5] })), delete: [] }
          : kind < 0.8
            ? { create: [], update: [], delete: [pick()] }
            : { create: [{ categoryId: 1, bbox: [0, 0, 4, 4], area: 16, iscrowd: false, mask: null }], update: [], delete: [] };
      shown = applyLocally(shown, change);
      // The store's answer: what it created with new ids, and what it updated, as it keeps them.
      const created = change.create.map((d) => ({ ...d, id: nextId++, imageId: 1 }));
      const stored = [...change.update.filter((u) => !change.delete.includes(u.id)).map((u) => ({ ...u, imageId: 1 })), ...created];
      confirmed = withAnswer(confirmed, change.delete, stored);
      if (next() < 0.7) shown = reconcile(shown, confirmed);
      const asked = [pick(), pick(), pick(), -1];
      expect(annotationsWithIds(shown, asked)).toEqual(byFilter(shown, asked));
      for (const id of asked) expect(placeOf(shown, id)).toBe(shown.findIndex((a) => a.id === id));
    }
  });

  it('applies an update found through the index to that box only', () => {
    const before = Array.from({ length: 5 }, (_, i) => boxAnnotation(i + 1, [i, 0, 5, 5]));
    const after = applyLocally(before, { create: [], update: [{ ...before[3], bbox: [9, 9, 5, 5] }], delete: [] });
    expect(after.map((a) => a.bbox[0])).toEqual([0, 1, 2, 9, 4]);
    expect(after.filter((a, i) => a !== before[i]).map((a) => a.id)).toEqual([4]);
    expect(before[3].bbox).toEqual([3, 0, 5, 5]);
  });
});
