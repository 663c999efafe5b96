import { clipBox, moveBoxInside, roundBox, type Box, type Point } from '../../../core/geometry/box';
import type { Annotation, AnnotationDraft } from '../../../core/ipc/types';
import { annotationsWithIds } from './annotationIndex';
import { toDraft } from './change';
import { withCarriedMask } from './maskRules';
import type { EditorStore } from './editorStore';

export interface ImageSize {
  width: number;
  height: number;
}

/** The annotation with a new box: a box-only annotation's area follows its box, a mask moves and scales with it. */
export function withBox(a: Annotation, bbox: Box): AnnotationDraft & { id: number } {
  return withCarriedMask(a, roundBox(bbox));
}

export function setBoxes(store: EditorStore, label: string, boxes: Map<number, Box>, size: ImageSize): Promise<void> {
  const update = annotationsWithIds(store.getState().annotations, boxes.keys()).map((a) => withBox(a, clipBox(boxes.get(a.id)!, size.width, size.height)));
  return store.edit(label, { create: [], update, delete: [] });
}

export function nudgeSelection(store: EditorStore, dx: number, dy: number, size: ImageSize): Promise<void> {
  const moved = new Map(store.selected().map((a) => [a.id, moveBoxInside(a.bbox, dx, dy, size.width, size.height)]));
  return setBoxes(store, 'Nudge', moved, size);
}

export function deleteSelection(store: EditorStore): Promise<void> {
  return store.edit('Delete', { create: [], update: [], delete: [...store.getState().selection] });
}

/** Sets the label of the selected boxes; with nothing selected, the label new boxes get. */
export function setCategory(store: EditorStore, categoryId: number): Promise<void> {
  const selected = store.selected();
  if (selected.length === 0) {
    store.setActiveCategory(categoryId);
    return Promise.resolve();
  }
  const update = selected.filter((a) => a.categoryId !== categoryId).map((a) => ({ ...toDraft(a), categoryId }));
  return store.edit('Change label', { create: [], update, delete: [] });
}

export function toggleCrowd(store: EditorStore): Promise<void> {
  const selected = store.selected();
  const crowd = !selected.every((a) => a.iscrowd);
  return store.edit('Toggle crowd', { create: [], update: selected.map((a) => ({ ...toDraft(a), iscrowd: crowd })), delete: [] });
}

/**
 * Pastes copied annotations with the top-left corner of their group at `at` (kept inside the image). Masks are
 * not pasted: they belong to the pixels they were drawn on.
 */
export function paste(store: EditorStore, copied: readonly Annotation[], at: Point | null, size: ImageSize): Promise<void> {
  if (copied.length === 0) return Promise.resolve();
  const left = Math.min(...copied.map((a) => a.bbox[0]));
  const top = Math.min(...copied.map((a) => a.bbox[1]));
  const dx = at ? at.x - left : 10;
  const dy = at ? at.y - top : 10;
  const create = copied.map((a) => {
    const bbox = roundBox(moveBoxInside(a.bbox, dx, dy, size.width, size.height));
    return { categoryId: a.categoryId, bbox, area: bbox[2] * bbox[3], iscrowd: a.iscrowd, mask: null };
  });
  return store.edit('Paste', { create, update: [], delete: [] }, true);
}
