import type { AbDiff, FalseAlarmKind, InstanceKind } from '../../../core/compare/abDiff.js';
import type { ImageSummary } from '../../../core/eval/imageSummaries.js';
import type { ImageEntry } from '../../../core/ipc/types.js';

/** One model's TP, FP and FN on one image at the sliders. */
export interface OutcomeCounts {
  tp: number;
  fp: number;
  fn: number;
}

const ap = (s: ImageSummary | undefined) => (s && s.ap >= 0 ? s.ap : 0);

/** A kind of case of the person-by-person diff: a person found by both, one or neither; a false alarm of one model or both. */
export type CaseKind = `person:${InstanceKind}` | `alarm:${FalseAlarmKind}`;

/** Per image, how many cases of each kind the diff has there. */
export type CaseCounts = Map<number, Partial<Record<CaseKind, number>>>;

export function casesPerImage(diff: AbDiff): CaseCounts {
  const counts: CaseCounts = new Map();
  const add = (imageId: number | string, kind: CaseKind) => {
    const id = Number(imageId);
    const own = counts.get(id) ?? {};
    own[kind] = (own[kind] ?? 0) + 1;
    counts.set(id, own);
  };
  for (const c of diff.instanceCases) add(c.imageId, `person:${c.kind}`);
  for (const c of diff.falseAlarmCases) add(c.imageId, `alarm:${c.kind}`);
  return counts;
}

/**
 * What each image is sorted by, per image id: the value shown beside it in the list (AP difference, misses, …);
 * smaller keys come first. Null when the sort is by name or the values are not known yet.
 */
export function sortKeys(
  images: ImageEntry[],
  sort: string,
  sa: ReadonlyMap<number, ImageSummary>,
  sb: ReadonlyMap<number, ImageSummary>,
  cases: CaseCounts | null,
): Map<number, { key: number; label: string }> | null {
  if (sort === 'name' || sa.size === 0) return null;
  if (sort.startsWith('person:') || sort.startsWith('alarm:')) {
    if (!cases) return null;
    return new Map(
      images.map((i) => {
        const n = cases.get(i.id)?.[sort as CaseKind] ?? 0;
        return [i.id, { key: -n, label: String(n) }];
      }),
    );
  }
  const label = (id: number): string => {
    const x = sa.get(id);
    const y = sb.get(id);
    switch (sort) {
      case 'disagreement':
        return `ΔAP ${Math.abs(ap(x) - ap(y)).toFixed(2)}`;
      case 'misses':
        return `FN ${(x?.fn[0] ?? 0) + (y?.fn[0] ?? 0)}`;
      case 'false-alarms':
        return `FP ${(x?.fp[0] ?? 0) + (y?.fp[0] ?? 0)}`;
      case 'ap-a':
        return x && x.ap >= 0 ? `AP ${x.ap.toFixed(2)}` : 'no GT';
      case 'ap-b':
        return y && y.ap >= 0 ? `AP ${y.ap.toFixed(2)}` : 'no GT';
      default:
        return '';
    }
  };
  const key = (id: number): number => {
    const x = sa.get(id);
    const y = sb.get(id);
    switch (sort) {
      case 'disagreement':
        return -Math.abs(ap(x) - ap(y));
      case 'misses':
        return -((x?.fn[0] ?? 0) + (y?.fn[0] ?? 0));
      case 'false-alarms':
        return -((x?.fp[0] ?? 0) + (y?.fp[0] ?? 0));
      case 'ap-a':
        return x && x.ap >= 0 ? x.ap : 2;
      case 'ap-b':
        return y && y.ap >= 0 ? y.ap : 2;
      default:
        return 0;
    }
  };
  return new Map(images.map((i) => [i.id, { key: key(i.id), label: label(i.id) }]));
}

/** The image ids in sort order; ties keep the list's own order. */
export function orderedIds(images: ImageEntry[], keys: Map<number, { key: number }> | null): number[] {
  if (!keys) return images.map((i) => i.id);
  return images
    .map((image, index) => ({ id: image.id, index, k: keys.get(image.id)?.key ?? 0 }))
    .sort((p, q) => p.k - q.k || p.index - q.index)
    .map((e) => e.id);
}
