import { boxIou } from '../masks/iou.js';
import type { Box, Detection, GroundTruth, ImageId } from '../eval/types.js';
import { pairBoxes } from './boxPairing.js';
import type { PairedImage } from './pairedImages.js';

/**
 * 'unlabelled': both models fire confidently on the same spot where no ground truth of that category is (a
 * person the labeller likely missed). 'loose': a ground-truth box both models cover only loosely (a box
 * likely drawn badly).
 */
export type LabelErrorKind = 'unlabelled' | 'loose';

export interface ModelEvidence {
  readonly detectionId: number;
  readonly score: number;
  /** Box IoU with the ground truth: for 'loose' the case's, for 'unlabelled' the nearest of the category (crowd regions as in matching). */
  readonly gtIou: number;
}

export interface LabelErrorCase {
  readonly kind: LabelErrorKind;
  readonly imageId: ImageId;
  readonly categoryId: number;
  /** 'unlabelled': the box of the higher-scored of the two detections (A's on equal scores); 'loose': the ground truth's. */
  readonly box: Box;
  /** The loosely covered ground truth ('loose' only). */
  readonly gtId: number | null;
  readonly a: ModelEvidence;
  readonly b: ModelEvidence;
  /** Box IoU of A's and B's detections. */
  readonly abIou: number;
  /** The lower of the two scores: the list is ranked by it, highest first. */
  readonly rankScore: number;
}

export interface LabelErrorOptions {
  /** Detections scored at least this are confident. Default 0.5. */
  readonly minScore?: number;
  /** 'unlabelled': the two detections' least box IoU. Default 0.5. */
  readonly agreeIou?: number;
  /** 'unlabelled': each detection's box IoU with every ground truth of its category stays below this. Default 0.1. */
  readonly clearIou?: number;
  /** 'loose': each model's best box IoU with the ground truth lies in [clearIou, looseIou). Default 0.5. */
  readonly looseIou?: number;
}

/**
 * Where the ground truth itself is likely wrong, from both models' confident detections (score ≥ minScore),
 * by box geometry alone (also for `segm`):
 *
 * - 'unlabelled': A's and B's confident detections of one category paired by {@link pairBoxes} at box IoU ≥
 *   agreeIou, each with IoU < clearIou against every ground truth of that category on the image, crowd regions
 *   included (their IoU is the part of the detection inside them, as in matching, so a crowd is no missed person);
 * - 'loose': a ground truth that is not a crowd region whose best box IoU with A's confident detections of its
 *   category, and with B's, both lie in [clearIou, looseIou); the evidence is each model's best such detection.
 *
 * Ranked by the lower of the two models' scores, highest first (then the higher abIou, then image order).
 */
export function labelErrors(images: readonly PairedImage[], options: LabelErrorOptions = {}): LabelErrorCase[] {
  const minScore = options.minScore ?? 0.5;
  const agreeIou = options.agreeIou ?? 0.5;
  const clearIou = options.clearIou ?? 0.1;
  const looseIou = options.looseIou ?? 0.5;
  const cases: { c: LabelErrorCase; order: number }[] = [];
  images.forEach((image, order) => {
    const a = image.a.detections.filter((d) => d.score >= minScore);
    const b = image.b.detections.filter((d) => d.score >= minScore);
    const nearest = (d: Detection) =>
      bestIou(
        d.bbox,
        image.groundTruth.filter((g) => g.categoryId === d.categoryId),
      );
    const clearA = a.filter((d) => nearest(d) < clearIou);
    const clearB = b.filter((d) => nearest(d) < clearIou);
    for (const p of pairBoxes(clearA, clearB, agreeIou)) {
      const da = clearA[p.a];
      const db = clearB[p.b];
      cases.push({
        order,
        c: {
          kind: 'unlabelled',
          imageId: image.imageId,
          categoryId: da.categoryId,
          box: db.score > da.score ? db.bbox : da.bbox,
          gtId: null,
          a: { detectionId: da.id, score: da.score, gtIou: nearest(da) },
          b: { detectionId: db.id, score: db.score, gtIou: nearest(db) },
          abIou: p.iou,
          rankScore: Math.min(da.score, db.score),
        },
      });
    }
    for (const g of image.groundTruth) {
      if (g.iscrowd) continue;
      const ea = bestCover(g, a);
      const eb = bestCover(g, b);
      const loose = (e: ModelEvidence | null) => e !== null && e.gtIou >= clearIou && e.gtIou < looseIou;
      if (!loose(ea) || !loose(eb)) continue;
      const da = a.find((d) => d.id === ea!.detectionId)!;
      const db = b.find((d) => d.id === eb!.detectionId)!;
      cases.push({
        order,
        c: {
          kind: 'loose',
          imageId: image.imageId,
          categoryId: g.categoryId,
          box: g.bbox,
          gtId: g.id,
          a: ea!,
          b: eb!,
          abIou: boxIou(da.bbox, db.bbox, false),
          rankScore: Math.min(ea!.score, eb!.score),
        },
      });
    }
  });
  return cases.sort((x, y) => y.c.rankScore - x.c.rankScore || y.c.abIou - x.c.abIou || x.order - y.order).map((x) => x.c);
}

/** The best IoU of a detection box with some ground truths (crowd regions as in matching); 0 for none. */
function bestIou(box: Box, gts: readonly GroundTruth[]): number {
  return gts.reduce((best, g) => Math.max(best, boxIou(box, g.bbox, g.iscrowd)), 0);
}

/** The detection of the ground truth's category with the highest box IoU with it (the better score on ties). */
function bestCover(g: GroundTruth, dets: readonly Detection[]): ModelEvidence | null {
  let best: ModelEvidence | null = null;
  for (const d of dets) {
    if (d.categoryId !== g.categoryId) continue;
    const iou = boxIou(d.bbox, g.bbox, false);
    if (!best || iou > best.gtIou || (iou === best.gtIou && d.score > best.score)) best = { detectionId: d.id, score: d.score, gtIou: iou };
  }
  return best;
}
