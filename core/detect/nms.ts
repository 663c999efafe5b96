import type { RawDetection } from './types.js';

/** Intersection over union of two [x1, y1, x2, y2] boxes (areas without the +1, as torchvision computes them). */
export function cornersIou(a: readonly number[], b: readonly number[]): number {
  const iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Greedy non-maximum suppression, per class: the highest score is kept and every box of the same class
 * overlapping it by more than `iouThreshold` is dropped. Returns the kept detections, best first.
 */
export function nms(detections: readonly RawDetection[], iouThreshold: number, maxKeep = Infinity): RawDetection[] {
  const order = detections.map((_, i) => i).sort((i, j) => detections[j].score - detections[i].score || i - j);
  const kept: RawDetection[] = [];
  const suppressed = new Uint8Array(detections.length);
  for (let oi = 0; oi < order.length && kept.length < maxKeep; oi++) {
    const i = order[oi];
    if (suppressed[i]) continue;
    const best = detections[i];
    kept.push(best);
    for (let oj = oi + 1; oj < order.length; oj++) {
      const j = order[oj];
      if (suppressed[j] || detections[j].classIndex !== best.classIndex) continue;
      if (cornersIou(best.box, detections[j].box) > iouThreshold) suppressed[j] = 1;
    }
  }
  return kept;
}
