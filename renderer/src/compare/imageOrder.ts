import type { ImageSummary } from '../../../core/eval/summaries';
import type { ImageEntry } from '../../../core/ipc/types';

const ap = (s: ImageSummary | undefined) => (s && s.ap >= 0 ? s.ap : 0);

/** The image list in the chosen order; ties keep the list's own order. */
export function orderImages(images: ImageEntry[], sort: string, a: ImageSummary[], b: ImageSummary[]): ImageEntry[] {
  if (sort === 'name' || a.length === 0) return images;
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
  return images
    .map((image, index) => ({ image, index, k: key(image.id) }))
    .sort((p, q) => p.k - q.k || p.index - q.index)
    .map((e) => e.image);
}
