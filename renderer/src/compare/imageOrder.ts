import type { AbDiff, FalseAlarmKind, InstanceKind } from '../../../core/compare/abDiff';
import type { ImageSummary } from '../../../core/eval/summaries';
import type { ImageEntry } from '../../../core/ipc/types';

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

/** The image list in the chosen order; ties keep the list's own order. */
export function orderImages(images: ImageEntry[], sort: string, a: ImageSummary[], b: ImageSummary[], cases: CaseCounts | null): ImageEntry[] {
  if (sort === 'name' || a.length === 0) return images;
  if (sort.startsWith('person:') || sort.startsWith('alarm:')) {
    if (!cases) return images;
    return byKey(images, (id) => -(cases.get(id)?.[sort as CaseKind] ?? 0));
  }
  const sa = new Map(a.map((s) => [s.imageId, s]));
  const sb = new Map(b.map((s) => [s.imageId, s]));
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
  return byKey(images, key);
}

function byKey(images: ImageEntry[], key: (id: number) => number): ImageEntry[] {
  return images
    .map((image, index) => ({ image, index, k: key(image.id) }))
    .sort((p, q) => p.k - q.k || p.index - q.index)
    .map((e) => e.image);
}
