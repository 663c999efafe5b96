import type { Annotation, BoxMask } from '../../../core/ipc/types';
import { api } from '../api/client';
import type { EditorStore } from './editorStore';
import { withModelMask } from './maskRules';

/** The most boxes one request may carry (the contract's limit). */
export const BOXES_PER_REQUEST = 64;

export interface MaskRequest {
  modelId: number;
  /** Boxes asked at a time: progress is reported, and a cancel is seen, between requests. */
  chunk: number;
  onProgress?(done: number, total: number): void;
  cancelled?(): boolean;
}

/** What a box-to-mask action did, for the editor's notice. */
export interface MaskOutcome {
  added: number;
  missed: number;
  /** Why boxes got no mask, one sentence per box missed, when the model said. */
  reasons?: string[];
  /** Set when stopped early: boxes asked of all those there were to ask. */
  cancelled?: { done: number; total: number };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 masks added, 1 box where the model found no person (why)"; a cancel says how far it got. */
export function maskNotice({ added, missed, reasons = [], cancelled }: MaskOutcome): string {
  const why = [...new Set(reasons)];
  const parts = [`${plural(added, 'mask', 'masks')} added`];
  if (missed > 0) parts.push(`${plural(missed, 'box', 'boxes')} where the model found no person${why.length ? ` (${why.join(' ')})` : ''}`);
  const done = parts.join(', ');
  return cancelled ? `Cancelled after ${cancelled.done} of ${plural(cancelled.total, 'box', 'boxes')}: ${done}` : done;
}

/**
 * Box to mask: asks the model for the mask of each of `targets` (annotations of the editor's image) and applies
 * those it gives as one undoable edit, each its annotation's mask and area with the box left as it is
 * (maskRules). A box deleted or moved while the model worked keeps what it has; once the image is left nothing
 * is applied. The notice then says what was done. Resolves with the outcome, null when the image was left.
 */
export async function masksFromModel(store: EditorStore, label: string, targets: readonly Annotation[], request: MaskRequest): Promise<MaskOutcome | null> {
  const imageId = store.getState().imageId;
  if (imageId === null || targets.length === 0) return null;
  const chunk = Math.min(BOXES_PER_REQUEST, Math.max(1, request.chunk));
  const results: BoxMask[] = [];
  let cancelled = false;
  for (let i = 0; i < targets.length; i += chunk) {
    if (request.cancelled?.()) {
      cancelled = true;
      break;
    }
    const boxes = targets.slice(i, i + chunk).map((a) => a.bbox);
    results.push(...(await api['masks.forBoxes']({ modelId: request.modelId, imageId, boxes })));
    request.onProgress?.(results.length, targets.length);
  }
  if (store.getState().imageId !== imageId) return null;
  const now = new Map(store.getState().annotations.map((a) => [a.id, a]));
  const update = results.flatMap((r, i) => {
    const asked = targets[i];
    const current = now.get(asked.id);
    const unchanged = current && current.bbox.every((v, k) => v === asked.bbox[k]);
    return r.mask && unchanged ? [withModelMask(current, r.mask)] : [];
  });
  const missed = results.filter((r) => !r.mask);
  void store.edit(label, { create: [], update, delete: [] });
  const outcome: MaskOutcome = {
    added: update.length,
    missed: missed.length,
    reasons: missed.flatMap((r) => (r.reason ? [r.reason] : [])),
    cancelled: cancelled ? { done: results.length, total: targets.length } : undefined,
  };
  store.setNotice(maskNotice(outcome));
  return outcome;
}
