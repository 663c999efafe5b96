import { bestOverlaps } from './geometry.js';
import type { EvalContext } from './evalContext.js';
import type { ImageData, ImageMatches } from './imageEval.js';
import type { ImageId } from './types.js';

export type DetectionOutcome = 'tp' | 'fp' | 'ignored' | 'unevaluated';
export type GroundTruthOutcome = 'tp' | 'fn' | 'ignored';

export interface DetectionResult {
  /** Position in the image's detections. */
  readonly index: number;
  readonly id: number;
  readonly categoryId: number;
  readonly score: number;
  /** Per IoU threshold; 'unevaluated' beyond the largest maxDets of its category, as pycocotools drops those. */
  readonly outcome: readonly DetectionOutcome[];
  /** Per IoU threshold: the matched ground truth's id (also for ignored matches), or null. */
  readonly matchedGtId: readonly (number | null)[];
  /** Per IoU threshold: IoU with the matched ground truth, or 0. */
  readonly matchedIou: readonly number[];
  /** Best IoU against the ground truths it was matched against (its category's, all when pooled); 0 if none. */
  readonly bestIou: number;
  readonly bestGtId: number | null;
  /** Best IoU against any ground truth of the image, whatever its category (to spot class confusions). */
  readonly bestIouAnyCategory: number;
  readonly bestGtIdAnyCategory: number | null;
}

export interface GroundTruthResult {
  readonly index: number;
  readonly id: number;
  readonly categoryId: number;
  /** Crowd, or outside the area range: neither found nor missed. */
  readonly ignored: boolean;
  /** Per IoU threshold: matched ('tp'), missed ('fn') or 'ignored'. */
  readonly outcome: readonly GroundTruthOutcome[];
  /** Per IoU threshold: id of the detection matched to it (the last one for a crowd region), or null. */
  readonly matchedDtId: readonly (number | null)[];
}

export interface ImageResult {
  readonly imageId: ImageId;
  readonly detections: readonly DetectionResult[];
  readonly groundTruths: readonly GroundTruthResult[];
}

/** Reads one image's matching (for area range a) into per-detection and per-ground-truth results. */
export function imageResult(ctx: EvalContext, data: ImageData, m: ImageMatches, a: number): ImageResult {
  const { T } = ctx;
  const D = m.dtIndex.length;
  const G = m.gtIndex.length;
  const idOf = (gi: number) => (gi >= 0 ? data.gts[gi].id : null);
  const any = bestOverlaps(
    data.dtGeom,
    data.dts.length,
    data.gtGeom,
    data.gts.map((g) => g.iscrowd),
  );

  // Per detection: its position in the evaluation (-1 when beyond maxDets), its cell, and its best match.
  const position = new Int32Array(data.dts.length).fill(-1);
  const cellOf = new Int32Array(data.dts.length);
  const bestIou = new Float64Array(data.dts.length);
  const bestGt = new Int32Array(data.dts.length).fill(-1);
  for (let c = 0; c < m.cellCat.length; c++) {
    const ng = m.gtStart[c + 1] - m.gtStart[c];
    for (let p = m.dtStart[c]; p < m.dtStart[c + 1]; p++) {
      const d = m.dtIndex[p];
      position[d] = p;
      cellOf[d] = c;
      const row = m.iouStart[c] + (p - m.dtStart[c]) * ng;
      for (let g = 0; g < ng; g++) {
        if (m.ious[row + g] > bestIou[d]) {
          bestIou[d] = m.ious[row + g];
          bestGt[d] = m.gtIndex[m.gtStart[c] + g];
        }
      }
    }
  }
  const iouWith = (d: number, gi: number): number => {
    const c = cellOf[d];
    const ng = m.gtStart[c + 1] - m.gtStart[c];
    const g = m.gtIndex.subarray(m.gtStart[c], m.gtStart[c + 1]).indexOf(gi);
    return m.ious[m.iouStart[c] + (position[d] - m.dtStart[c]) * ng + g];
  };

  const detections = data.dts.map((dt, d): DetectionResult => {
    const p = position[d];
    const thresholds = Array.from({ length: T }, (_, t) => {
      if (p < 0) return { outcome: 'unevaluated' as const, gt: -1 };
      const bit = 1 << t;
      const outcome: DetectionOutcome = m.dtTp[a * D + p] & bit ? 'tp' : m.dtIg[a * D + p] & bit ? 'ignored' : 'fp';
      return { outcome, gt: m.dtMatch[(a * T + t) * D + p] };
    });
    return {
      index: d,
      id: dt.id,
      categoryId: dt.categoryId,
      score: dt.score,
      outcome: thresholds.map((x) => x.outcome),
      matchedGtId: thresholds.map((x) => idOf(x.gt)),
      matchedIou: thresholds.map((x) => (x.gt >= 0 ? iouWith(d, x.gt) : 0)),
      bestIou: bestIou[d],
      bestGtId: idOf(bestGt[d]),
      bestIouAnyCategory: any.iou[d],
      bestGtIdAnyCategory: idOf(any.gt[d]),
    };
  });

  const slot = new Int32Array(data.gts.length).fill(-1);
  for (let q = 0; q < G; q++) slot[m.gtIndex[q]] = q;
  const groundTruths = data.gts.map((gt, index): GroundTruthResult => {
    const q = slot[index];
    const ignored = q < 0 || m.gtIgnore[a * G + q] === 1;
    const matched = Array.from({ length: T }, (_, t) => (q < 0 ? -1 : m.gtMatch[(a * T + t) * G + q]));
    return {
      index,
      id: gt.id,
      categoryId: gt.categoryId,
      ignored,
      outcome: matched.map((di) => (ignored ? 'ignored' : di < 0 ? 'fn' : 'tp')),
      matchedDtId: matched.map((di) => (di < 0 ? null : data.dts[di].id)),
    };
  });
  return { imageId: data.image.id, detections, groundTruths };
}
