import { boxesIntersect, type Box } from '../../../core/geometry/box';
import { bitmapFromRle, emptyBitmap, type Bitmap } from '../../../core/masks/bitmap';
import { fillHoles, keepLargestPiece } from '../../../core/masks/pieces';
import { rleFromCoco } from '../../../core/masks/rleString';
import { toDraft } from './change';
import type { EditorStore } from './editorStore';
import { maskBitmap, withMask } from './maskRules';
import type { ImageSize } from './operations';

/**
 * Adds pixels (`draw` sets them in the bitmap it is given) to the mask of the one selected annotation, which
 * gets a mask if it has none; with no single annotation selected, they become a new annotation of the active
 * label, selected so the next stroke adds to it.
 */
export function addToMask(store: EditorStore, label: string, size: ImageSize, draw: (mask: Bitmap) => void): Promise<void> {
  const selected = store.selected();
  if (selected.length === 1) {
    const mask = maskBitmap(selected[0], size);
    draw(mask);
    return store.edit(label, { create: [], update: [withMask(toDraft(selected[0]), mask)], delete: [] });
  }
  const categoryId = store.getState().activeCategoryId;
  if (categoryId === null) return Promise.resolve();
  const mask = emptyBitmap(size.height, size.width);
  draw(mask);
  const created = withMask({ categoryId, bbox: [0, 0, 0, 0], area: 0, iscrowd: false, mask: null }, mask);
  if (!created.mask) return Promise.resolve();
  return store.edit(label, { create: [created], update: [], delete: [] }, true);
}

/**
 * Removes pixels (`erase` clears them) from the masks of the selected annotations, or with nothing selected
 * from every mask whose box meets `reach`; one edit for all of them.
 */
export function eraseFromMasks(store: EditorStore, label: string, size: ImageSize, reach: Box, erase: (mask: Bitmap) => void): Promise<void> {
  const selected = store.selected();
  const targets = (selected.length > 0 ? selected : store.getState().annotations.filter((a) => boxesIntersect(a.bbox, reach))).filter((a) => a.mask);
  const update = targets.flatMap((a) => {
    const mask = maskBitmap(a, size);
    erase(mask);
    const edited = withMask(toDraft(a), mask);
    return edited.area === a.area && edited.mask?.counts === a.mask?.counts ? [] : [edited];
  });
  return store.edit(label, { create: [], update, delete: [] });
}

function editSelectedMasks(store: EditorStore, label: string, edit: (mask: Bitmap) => Bitmap): Promise<void> {
  const update = store.selected().flatMap((a) => {
    if (!a.mask) return [];
    const edited = withMask(toDraft(a), edit(bitmapFromRle(rleFromCoco(a.mask.size, a.mask.counts))));
    return edited.mask?.counts === a.mask.counts ? [] : [edited];
  });
  return store.edit(label, { create: [], update, delete: [] });
}

export const fillSelectedHoles = (store: EditorStore) => editSelectedMasks(store, 'Fill holes', fillHoles);
export const keepSelectedLargestPieces = (store: EditorStore) => editSelectedMasks(store, 'Keep the largest piece', keepLargestPiece);

/** Drops the masks of the selected annotations; their boxes stay, with the box's area. */
export function clearSelectedMasks(store: EditorStore): Promise<void> {
  const update = store
    .selected()
    .filter((a) => a.mask)
    .map((a) => ({ ...toDraft(a), mask: null, area: a.bbox[2] * a.bbox[3] }));
  return store.edit('Clear mask', { create: [], update, delete: [] });
}
