import { boxIou } from '../masks/iou.js';
import type { Detection } from '../eval/types.js';

export interface BoxPair {
  /** Positions in the two lists given. */
  readonly a: number;
  readonly b: number;
  /** Plain box IoU of the two detections. */
  readonly iou: number;
}

/**
 * Pairs detections of model A with detections of model B on one image: "the same spot". A's detections are
 * taken best score first (equal scores in list order); each takes, among B's detections of its category not
 * yet taken, the one of highest box IoU, provided it is at least `minIou` (equal IoUs: B's better score, then
 * list order). This is COCO's greedy matching with B's boxes standing for the ground truth. Boxes, not masks,
 * decide, also for `segm`.
 */
export function pairBoxes(a: readonly Detection[], b: readonly Detection[], minIou: number): BoxPair[] {
  const byScore = (list: readonly Detection[]) => list.map((_, i) => i).sort((x, y) => list[y].score - list[x].score || x - y);
  const bOrder = byScore(b);
  const taken = new Uint8Array(b.length);
  const pairs: BoxPair[] = [];
  for (const i of byScore(a)) {
    let best = -1;
    let bestIou = minIou;
    for (const j of bOrder) {
      if (taken[j] || b[j].categoryId !== a[i].categoryId) continue;
      const iou = boxIou(a[i].bbox, b[j].bbox, false);
      if (iou > bestIou || (best < 0 && iou >= minIou)) {
        best = j;
        bestIou = iou;
      }
    }
    if (best < 0) continue;
    taken[best] = 1;
    pairs.push({ a: i, b: best, iou: bestIou });
  }
  return pairs;
}
