import { boxOutcomes } from '../compare/boxOutcomes.js';
import type { ImageResult } from '../eval/imageResult.js';
import type { IouType } from '../eval/params.js';
import type { Box } from '../eval/types.js';

/**
 * A box's fate at the report's IoU and score thresholds: a kept detection is a TP or FP (or ignored, matched
 * to a crowd region); one scored below the threshold does not count; one beyond maxDets is not evaluated; a
 * ground truth no kept detection matched is an FN.
 */
export type BoxResult = 'TP' | 'FP' | 'FN' | 'ignored' | 'below threshold' | 'unevaluated';

/** Which image, model and evaluation a row belongs to. */
export interface RowPlace {
  iouType: IouType;
  modelId: number;
  model: string;
  imageId: number;
  fileName: string;
}

export interface ImageRow extends RowPlace {
  /** AP@[.50:.95] and AP@.50 of the image alone; null without ground truth. */
  ap: number | null;
  ap50: number | null;
  numGt: number;
  numDt: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface BoxFields {
  kind: 'detection' | 'ground truth';
  id: number;
  bbox: Box;
  /** Null for ground truths. */
  score: number | null;
  /** The ground truth a detection matched at the IoU threshold, or null. */
  matchedGtId: number | null;
  /** IoU with that ground truth; for an unmatched detection its best IoU with any ground truth it could match. */
  iou: number | null;
  result: BoxResult;
}

export type BoxRow = RowPlace & BoxFields;

/** A mask as the project stores it: COCO RLE of the image's size. */
export type StoredMask = { size: [number, number]; counts: string };

export interface OverlayShape {
  kind: 'gt' | 'fn' | 'tp' | 'fp' | 'ignored';
  bbox: Box;
  /** Its mask, drawn as an outline under the box; absent for a box without one. */
  mask?: StoredMask;
}

export interface ImageOutcomes {
  tp: number;
  fp: number;
  fn: number;
  boxes: BoxFields[];
  /** What the gallery draws: ground truths found or missed, kept detections. */
  shapes: OverlayShape[];
}

const MARK_RESULT = { tp: 'TP', fp: 'FP', ignored: 'ignored' } as const;

/** The boxes of detections and ground truths by id (the evaluation's results name them by id only). */
export interface BoxesById {
  detections: ReadonlyMap<number, Box>;
  groundTruths: ReadonlyMap<number, Box>;
  /** Their masks, for those that have one. */
  detectionMasks?: ReadonlyMap<number, StoredMask>;
  groundTruthMasks?: ReadonlyMap<number, StoredMask>;
}

/**
 * One image's detections and ground truths at IoU threshold index `t`, keeping detections scored ≥ `scoreThreshold`:
 * what the compare view shows ({@link boxOutcomes}), with the detections it hides listed too.
 */
export function imageOutcomes(result: ImageResult, t: number, scoreThreshold: number, byId: BoxesById): ImageOutcomes {
  const marks = boxOutcomes(result, t, scoreThreshold);
  const out: ImageOutcomes = { tp: 0, fp: 0, fn: 0, boxes: [], shapes: [] };
  for (const d of result.detections) {
    const mark = marks.predictions.get(d.id);
    const res: BoxResult = d.outcome[t] === 'unevaluated' ? 'unevaluated' : mark ? MARK_RESULT[mark.outcome] : 'below threshold';
    const matched = d.matchedGtId[t];
    const bbox = byId.detections.get(d.id)!;
    out.boxes.push({
      kind: 'detection',
      id: d.id,
      bbox,
      score: d.score,
      matchedGtId: matched,
      iou: matched === null ? d.bestIou : d.matchedIou[t],
      result: res,
    });
    if (res === 'TP') out.tp++;
    if (res === 'FP') out.fp++;
    const mask = byId.detectionMasks?.get(d.id);
    if (res === 'TP' || res === 'FP' || res === 'ignored')
      out.shapes.push({ kind: res === 'ignored' ? 'ignored' : res === 'TP' ? 'tp' : 'fp', bbox, ...(mask && { mask }) });
  }
  for (const g of result.groundTruths) {
    const bbox = byId.groundTruths.get(g.id)!;
    const missed = marks.missed.has(g.id);
    const mask = byId.groundTruthMasks?.get(g.id);
    out.shapes.push({ kind: missed ? 'fn' : 'gt', bbox, ...(mask && { mask }) });
    if (!missed) continue;
    out.fn++;
    out.boxes.push({ kind: 'ground truth', id: g.id, bbox, score: null, matchedGtId: null, iou: null, result: 'FN' });
  }
  return out;
}
