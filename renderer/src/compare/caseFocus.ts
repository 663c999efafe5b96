import type { AbDiff } from '../../../core/compare/abDiff';
import type { LabelErrorCase, LabelErrorKind } from '../../../core/compare/labelErrors';
import type { CaseKind } from './imageOrder';

type Box = readonly [number, number, number, number];

/** A case the compare view points at: what to draw highlighted, on which image. */
export interface CaseFocus {
  kind: CaseKind | `label:${LabelErrorKind}`;
  /** Its position among the cases of its kind. */
  index: number;
  imageId: number;
  gtIds: number[];
  aDetectionIds: number[];
  bDetectionIds: number[];
  /** A label-error case's box (the model's box for a person without ground truth) and its category. */
  box: Box | null;
  categoryId: number | null;
}

/** The case `step` away from the one in view, among the cases of its kind (wrapping round); null when there is none. */
export function stepCase(focus: CaseFocus, diff: AbDiff, labelErrors: readonly LabelErrorCase[], step: 1 | -1): CaseFocus | null {
  const cases = casesOf(focus.kind, diff, labelErrors);
  if (cases.length === 0) return null;
  return cases[(Math.min(focus.index, cases.length - 1) + step + cases.length) % cases.length];
}

/** Every case of a kind, in the diff's order (images in evaluation order), as focuses. */
export function casesOf(kind: CaseFocus['kind'], diff: AbDiff, labelErrors: readonly LabelErrorCase[]): CaseFocus[] {
  const base = { gtIds: [] as number[], aDetectionIds: [] as number[], bDetectionIds: [] as number[], box: null, categoryId: null };
  if (kind.startsWith('person:')) {
    return diff.instanceCases
      .filter((c) => `person:${c.kind}` === kind)
      .map((c, index) => ({ ...base, kind, index, imageId: Number(c.imageId), gtIds: [c.gtId] }));
  }
  if (kind.startsWith('alarm:')) {
    return diff.falseAlarmCases
      .filter((c) => `alarm:${c.kind}` === kind)
      .map((c, index) => ({
        ...base,
        kind,
        index,
        imageId: Number(c.imageId),
        aDetectionIds: c.aDetectionId === null ? [] : [c.aDetectionId],
        bDetectionIds: c.bDetectionId === null ? [] : [c.bDetectionId],
      }));
  }
  return labelErrors
    .filter((c) => `label:${c.kind}` === kind)
    .map((c, index) => ({
      ...base,
      kind,
      index,
      imageId: Number(c.imageId),
      gtIds: c.gtId === null ? [] : [c.gtId],
      aDetectionIds: [c.a.detectionId],
      bDetectionIds: [c.b.detectionId],
      box: c.box,
      categoryId: c.categoryId,
    }));
}
