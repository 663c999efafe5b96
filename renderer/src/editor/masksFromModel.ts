import type { Annotation, BoxMask } from '../../../core/ipc/types';
import { api } from '../api/client';
import type { EditorStore } from './editorStore';
import { maskNotice, modelMaskEdit, type MaskOutcome } from './modelMasks';

/** The most boxes one request may carry (the contract's limit). */
export const BOXES_PER_REQUEST = 64;

export interface MaskRequest {
  modelId: number;
  /** Boxes asked at a time: progress is reported, and a cancel is seen, between requests. */
  chunk: number;
  onProgress?(done: number, total: number): void;
  cancelled?(): boolean;
}

/**
 * Box to mask: asks the model for the mask of each of `targets` (annotations of the editor's image) and applies
 * those it gives as one undoable edit (see modelMaskEdit); once the image is left nothing is applied. The notice
 * then says what was done. Resolves with the outcome, null when the image was left.
 */
export async function masksFromModel(store: EditorStore, label: string, targets: readonly Annotation[], request: MaskRequest): Promise<MaskOutcome | null> {
  const imageId = store.getState().imageId;
  if (imageId === null || targets.length === 0) return null;
  const chunk = Math.min(BOXES_PER_REQUEST, Math.max(1, request.chunk));
  const answers: BoxMask[] = [];
  let cancelled = false;
  for (let i = 0; i < targets.length; i += chunk) {
    if (request.cancelled?.()) {
      cancelled = true;
      break;
    }
    const boxes = targets.slice(i, i + chunk).map((a) => a.bbox);
    answers.push(...(await api['masks.forBoxes']({ modelId: request.modelId, imageId, boxes })));
    request.onProgress?.(answers.length, targets.length);
  }
  if (store.getState().imageId !== imageId) return null;
  const { update, outcome } = modelMaskEdit(targets, answers, store.getState().annotations);
  void store.edit(label, { create: [], update, delete: [] });
  const said = cancelled ? { ...outcome, cancelled: { done: answers.length, total: targets.length } } : outcome;
  store.setNotice(maskNotice(said));
  return said;
}
