import type { Annotation, AnnotationChange, AnnotationDraft } from '../../../core/ipc/types.js';
import { keepsPlaces, placeOf } from './annotationIndex.js';

/** One edit of one image's ground truth, as the store applies it: the contract's change. */
export type Change = AnnotationChange;

export function isEmpty(change: Change): boolean {
  return change.create.length + change.update.length + change.delete.length === 0;
}

export function toDraft(a: Annotation): AnnotationDraft & { id: number } {
  return { id: a.id, categoryId: a.categoryId, bbox: [...a.bbox], area: a.area, iscrowd: a.iscrowd, mask: a.mask };
}

/** The change that takes `after` back to the annotations as they are now (`before`). */
export function inverse(change: Change, before: readonly Annotation[], createdIds: readonly number[]): Change {
  const asNow = (id: number): Annotation[] => {
    const i = placeOf(before, id);
    return i >= 0 ? [before[i]] : [];
  };
  return {
    create: change.delete.flatMap(asNow).map(toDraft),
    update: change.update.flatMap((u) => asNow(u.id)).map(toDraft),
    delete: [...createdIds],
  };
}

/** The change with the ids the store gave to its created annotations, so a redo recreates the same ids. */
export function withCreatedIds(change: Change, createdIds: readonly number[]): Change {
  return { ...change, create: change.create.map((d, i) => ({ ...d, id: createdIds[i] })) };
}

/** Applies a change locally for immediate feedback; created annotations appear when the store answers. */
export function applyLocally(annotations: readonly Annotation[], change: Change): Annotation[] {
  const updated = (a: Annotation, u: AnnotationDraft): Annotation => ({
    ...a,
    categoryId: u.categoryId,
    bbox: [...u.bbox],
    area: u.area,
    iscrowd: u.iscrowd,
    mask: u.mask,
  });
  if (change.delete.length === 0) {
    // The same boxes in the same places: only the updated ones are read, found through the list's index.
    const next = annotations.slice();
    for (const u of change.update) {
      const i = placeOf(annotations, u.id);
      if (i >= 0) next[i] = updated(annotations[i], u);
    }
    keepsPlaces(annotations, next);
    return next;
  }
  const removed = new Set(change.delete);
  const updates = new Map(change.update.map((u) => [u.id, u]));
  return annotations.filter((a) => !removed.has(a.id)).map((a) => (updates.has(a.id) ? updated(a, updates.get(a.id)!) : a));
}

function same(a: Annotation, b: Annotation): boolean {
  return (
    a.categoryId === b.categoryId &&
    a.area === b.area &&
    a.iscrowd === b.iscrowd &&
    a.bbox.every((v, i) => v === b.bbox[i]) &&
    (a.mask?.counts ?? null) === (b.mask?.counts ?? null)
  );
}

/** The store's answer, keeping the objects (and the array) that did not change so their views need not draw again. */
export function reconcile(previous: Annotation[], next: Annotation[]): Annotation[] {
  // The two lists hold the same ids in the same order but where boxes were added or deleted: an index of the
  // old list is built only when the ids stop lining up.
  let byId: Map<number, Annotation> | null = null;
  const oldOf = (a: Annotation, i: number): Annotation | undefined => {
    if (previous[i]?.id === a.id) return previous[i];
    byId ??= new Map(previous.map((p) => [p.id, p]));
    return byId.get(a.id);
  };
  let changed = next.length !== previous.length;
  const merged = next.map((a, i) => {
    const old = oldOf(a, i);
    const kept = old && (old === a || same(old, a)) ? old : a;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  // Nothing changed: the same array, so nothing that depends on it runs again.
  if (!changed) return previous;
  if (byId === null && next.length === previous.length) keepsPlaces(previous, merged);
  return merged;
}

/**
 * The store's list of an image's annotations after one of its edits was answered: what the edit deleted gone,
 * what it created or updated as the store now holds it (`stored`), in id order as the store lists them.
 */
export function withAnswer(confirmed: readonly Annotation[], deleted: readonly number[], stored: readonly Annotation[]): Annotation[] {
  const gone = new Set(deleted);
  const fresh = new Map(stored.map((a) => [a.id, a]));
  const kept = confirmed
    .filter((a) => !gone.has(a.id))
    .map((a) => {
      const now = fresh.get(a.id);
      fresh.delete(a.id);
      return now ?? a;
    });
  return fresh.size === 0 ? kept : [...kept, ...fresh.values()].sort((a, b) => a.id - b.id);
}
