import type { Annotation, AnnotationDraft, BoxMask } from '../../../core/ipc/types.js';
import { withModelMask } from './maskRules.js';

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

/**
 * "3 masks added, 1 box where the model found no person", or with the model's reasons "…, no mask for 1 box: why";
 * a cancel says how far it got.
 */
export function maskNotice({ added, missed, reasons = [], cancelled }: MaskOutcome): string {
  const why = [...new Set(reasons)];
  const parts = [`${plural(added, 'mask', 'masks')} added`];
  if (missed > 0)
    parts.push(
      why.length ? `no mask for ${plural(missed, 'box', 'boxes')}: ${why.join(' ')}` : `${plural(missed, 'box', 'boxes')} where the model found no person`,
    );
  const done = parts.join(', ');
  return cancelled ? `Cancelled after ${cancelled.done} of ${plural(cancelled.total, 'box', 'boxes')}: ${done}` : done;
}

/**
 * The edit the model's answers make: for each box asked (`asked[i]` answered by `answers[i]`) that got a mask,
 * its annotation as it is `now` with that mask (maskRules: the mask's area, the box unchanged), unless the box
 * was deleted or moved meanwhile; and how many got none, with why.
 */
export function modelMaskEdit(
  asked: readonly Annotation[],
  answers: readonly BoxMask[],
  now: readonly Annotation[],
): { update: (AnnotationDraft & { id: number })[]; outcome: MaskOutcome } {
  const current = new Map(now.map((a) => [a.id, a]));
  const update = answers.flatMap((answer, i) => {
    const a = current.get(asked[i].id);
    const unchanged = a && a.bbox.every((v, k) => v === asked[i].bbox[k]);
    return answer.mask && unchanged ? [withModelMask(a, answer.mask)] : [];
  });
  const missed = answers.filter((r) => !r.mask);
  return { update, outcome: { added: update.length, missed: missed.length, reasons: missed.flatMap((r) => (r.reason ? [r.reason] : [])) } };
}
