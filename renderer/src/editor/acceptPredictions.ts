import { boxIou, type Point } from '../../../core/geometry/box';
import type { Annotation, AnnotationDraft, Prediction } from '../../../core/ipc/types';
import { rleArea } from '../../../core/masks/rle';
import { rleFromCoco } from '../../../core/masks/rleString';
import { boxAt } from './boxAt';
import type { EditorStore } from './editorStore';

/** A prediction this close to a ground-truth box of its label is taken for that box, and Shift+Enter skips it. */
export const DUPLICATE_IOU = 0.5;

/** A prediction as ground truth: its box, its mask and the mask's pixel count as area (COCO's convention). */
function asGroundTruth(p: Prediction, fallbackCategory: number, known: Set<number>): AnnotationDraft {
  const area = p.mask ? rleArea(rleFromCoco(p.mask.size, p.mask.counts)) : p.bbox[2] * p.bbox[3];
  return { categoryId: known.has(p.categoryId) ? p.categoryId : fallbackCategory, bbox: [...p.bbox], area, iscrowd: false, mask: p.mask };
}

function isDuplicate(draft: AnnotationDraft, groundTruth: readonly Annotation[]): boolean {
  return groundTruth.some((g) => g.categoryId === draft.categoryId && boxIou(g.bbox, draft.bbox) >= DUPLICATE_IOU);
}

/** Adds the drafts as ground truth in one undoable step. */
function add(store: EditorStore, create: AnnotationDraft[]): void {
  void store.edit(create.length === 1 ? 'Accept prediction' : `Accept ${create.length} predictions`, { create, update: [], delete: [] }, true);
}

/**
 * The prediction the user points at, by the rule of `boxAt` (the smallest box holding the cursor; the higher
 * score breaks a tie). The canvas highlights this prediction and Enter accepts it.
 */
export function predictionAt(predictions: readonly Prediction[], point: Point | null): Prediction | undefined {
  return point
    ? boxAt(
        [...predictions].sort((a, b) => b.score - a.score),
        point,
      )
    : undefined;
}

/** Accepts the prediction under the cursor as ground truth (Enter), whatever ground truth is already there. */
export function acceptPredictionAt(store: EditorStore, predictions: readonly Prediction[], point: Point | null): void {
  const { categories, activeCategoryId } = store.getState();
  const target = predictionAt(predictions, point);
  if (!target || activeCategoryId === null) return;
  add(store, [asGroundTruth(target, activeCategoryId, new Set(categories.map((c) => c.id)))]);
}

/**
 * Accepts every shown prediction (Shift+Enter) except those that duplicate a ground-truth box of the same label
 * (IoU ≥ DUPLICATE_IOU), and says in the editor's notice how many were added and how many skipped.
 */
export function acceptAllPredictions(store: EditorStore, predictions: readonly Prediction[]): void {
  const { categories, activeCategoryId, annotations } = store.getState();
  if (predictions.length === 0 || activeCategoryId === null) return;
  const known = new Set(categories.map((c) => c.id));
  const drafts = predictions.map((p) => asGroundTruth(p, activeCategoryId, known));
  const create = drafts.filter((d) => !isDuplicate(d, annotations));
  const skipped = drafts.length - create.length;
  if (create.length > 0) add(store, create);
  store.setNotice(acceptedNotice(create.length, skipped));
}

function acceptedNotice(added: number, skipped: number): string {
  const accepted = `Accepted ${added} ${added === 1 ? 'prediction' : 'predictions'}`;
  if (skipped === 0) return accepted;
  const already = `${skipped} already in the ground truth (IoU ≥ ${DUPLICATE_IOU} with a box of the same label)`;
  return `${accepted}; skipped ${already}`;
}
