import type { Annotation } from '../../../core/ipc/types.js';

/**
 * Where each annotation of a list sits, by id. An image's list is never changed in place: every edit makes a new
 * one. The index of a list is built the first time it is asked for, and handed on to each list made from it that
 * holds the same ids in the same places (an edit that only updates, a store answer that matches what is shown),
 * so a burst of nudges of one box among ten thousand reads that box, not all of them.
 */
const indexes = new WeakMap<readonly Annotation[], ReadonlyMap<number, number>>();

function indexOf(list: readonly Annotation[]): ReadonlyMap<number, number> {
  let index = indexes.get(list);
  if (!index) {
    const built = new Map<number, number>();
    list.forEach((a, i) => built.set(a.id, i));
    indexes.set(list, (index = built));
  }
  return index;
}

/** Records that `next` holds the same ids in the same places as `previous`, so it shares its index. */
export function keepsPlaces(previous: readonly Annotation[], next: readonly Annotation[]): void {
  const index = indexes.get(previous);
  if (index && next !== previous) indexes.set(next, index);
}

/** Where the annotation with this id sits in the list, or -1. */
export function placeOf(list: readonly Annotation[], id: number): number {
  return indexOf(list).get(id) ?? -1;
}

/** The annotations with these ids, in the list's order, each once; ids the list lacks are left out. */
export function annotationsWithIds(list: readonly Annotation[], ids: Iterable<number>): Annotation[] {
  const index = indexOf(list);
  const places: number[] = [];
  for (const id of ids) {
    const i = index.get(id);
    if (i !== undefined) places.push(i);
  }
  places.sort((a, b) => a - b);
  return places.filter((p, k) => k === 0 || p !== places[k - 1]).map((p) => list[p]);
}
