import { boxContainsPoint, type Point } from '../../../core/geometry/box';
import type { AnnotationDraft, Prediction } from '../../../core/ipc/types';
import { rleArea } from '../../../core/masks/rle';
import { rleFromCoco } from '../../../core/masks/rleString';
import type { EditorStore } from './editorStore';

/** A prediction as ground truth: its box, its mask and the mask's pixel count as area (COCO's convention). */
function asGroundTruth(p: Prediction, fallbackCategory: number, known: Set<number>): AnnotationDraft {
  const area = p.mask ? rleArea(rleFromCoco(p.mask.size, p.mask.counts)) : p.bbox[2] * p.bbox[3];
  return { categoryId: known.has(p.categoryId) ? p.categoryId : fallbackCategory, bbox: [...p.bbox], area, iscrowd: false, mask: p.mask };
}

/** Accepts the given predictions as ground truth in one undoable step; returns how many were added. */
export function acceptPredictions(store: EditorStore, predictions: readonly Prediction[]): number {
  const { categories, activeCategoryId } = store.getState();
  if (predictions.length === 0 || activeCategoryId === null) return 0;
  const known = new Set(categories.map((c) => c.id));
  const create = predictions.map((p) => asGroundTruth(p, activeCategoryId, known));
  void store.edit(predictions.length === 1 ? 'Accept prediction' : `Accept ${predictions.length} predictions`, { create, update: [], delete: [] }, true);
  return create.length;
}

/** The prediction the user points at: the highest-scoring one whose box holds the cursor. */
export function predictionAt(predictions: readonly Prediction[], point: Point | null): Prediction | undefined {
  if (!point) return undefined;
  return predictions.filter((p) => boxContainsPoint(p.bbox, point)).sort((a, b) => b.score - a.score)[0];
}
