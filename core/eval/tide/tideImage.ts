import { boxIou, maskIou } from '../../masks/iou.js';
import { rleArea, rleToBbox, type Rle } from '../../masks/rle.js';
import { segmentationToRle } from '../../masks/segmentation.js';
import type { Detection, EvalImage, GroundTruth } from '../types.js';
import { byScoreDescending } from './tideApData.js';

/** What is compared: boxes, or masks (`segm`, tidecv's mask mode). */
export type TideMode = 'bbox' | 'segm';

/** The error tidecv blames a false positive on. */
export type TideDetectionError = 'cls' | 'loc' | 'both' | 'dupe' | 'bkg';

/** How one image's detections met its ground truth, tidecv's way. */
export interface TideImageMatch {
  /** The image's detections by score (equal scores in input order), at most the detection limit. */
  readonly detections: readonly Detection[];
  /** The image's ground truth that is not crowd, in input order. */
  readonly groundTruth: readonly GroundTruth[];
  /** Per detection: matched, unmatched, or null when ignored (unmatched inside a crowd region of its category). */
  readonly used: readonly (boolean | null)[];
  /** Per detection, the index of its matched ground truth, or -1. */
  readonly matchedGt: Int32Array;
  /** Per ground truth, the index of its matched detection, or -1. */
  readonly matchedDetection: Int32Array;
  /** IoU of detection d and ground truth g at `d * groundTruth.length + g`, whatever their categories. */
  readonly iou: Float64Array;
}

type Shape = { readonly box: readonly number[]; readonly mask: null } | { readonly box: readonly number[]; readonly mask: Rle; readonly area: number };

function shapeOf(ann: Detection | GroundTruth, image: EvalImage, mode: TideMode): Shape {
  if (mode === 'bbox') return { box: ann.bbox, mask: null };
  const seg = ann.segmentation;
  if (!seg) throw new Error(`annotation ${ann.id} (image ${JSON.stringify(image.id)}) has no segmentation, which mask errors need`);
  if (seg.kind === 'polygons' && (image.width === undefined || image.height === undefined)) {
    throw new Error(`annotation ${ann.id}: polygons need the size of image ${JSON.stringify(image.id)}`);
  }
  const mask = segmentationToRle(seg, image.height ?? 0, image.width ?? 0);
  return { box: rleToBbox(mask), mask, area: rleArea(mask) };
}

/** IoU as pycocotools' `mask.iou` gives it; against a crowd region, the share of the detection inside it. */
function iouOf(d: Shape, g: Shape, crowd: boolean): number {
  const boxes = boxIou(d.box, g.box, crowd);
  if (d.mask === null || g.mask === null || boxes <= 0) return boxes;
  return maskIou(d.mask, g.mask, crowd, d.area, g.area);
}

/** The first index of the row's largest value (numpy's argmax), -1 for an empty row. */
export function argmax(n: number, value: (i: number) => number): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = value(i);
    if (v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/**
 * Matches one image as tidecv does: detections in score order, all categories at once, each takes the
 * same-category ground truth of highest IoU still free (first in input order on ties) when that IoU is at least
 * `posThreshold`. Unmatched detections then become ignored when more than `posThreshold` of them lies inside a
 * crowd region of their category.
 */
export function matchImage(
  image: EvalImage,
  imageDetections: readonly Detection[],
  imageGroundTruth: readonly GroundTruth[],
  mode: TideMode,
  posThreshold: number,
  maxDetections: number,
): TideImageMatch {
  const detections = [...imageDetections].sort(byScoreDescending).slice(0, maxDetections);
  const groundTruth = imageGroundTruth.filter((g) => !g.iscrowd);
  const crowds = imageGroundTruth.filter((g) => g.iscrowd);
  const nd = detections.length;
  const ng = groundTruth.length;
  const dShapes = detections.map((d) => shapeOf(d, image, mode));
  const gShapes = groundTruth.map((g) => shapeOf(g, image, mode));
  const iou = new Float64Array(nd * ng);
  for (let d = 0; d < nd; d++) for (let g = 0; g < ng; g++) iou[d * ng + g] = iouOf(dShapes[d], gShapes[g], false);

  const used: (boolean | null)[] = detections.map(() => false);
  const matchedGt = new Int32Array(nd).fill(-1);
  const matchedDetection = new Int32Array(ng).fill(-1);
  for (let d = 0; d < nd; d++) {
    const free = (g: number) => (matchedDetection[g] === -1 && detections[d].categoryId === groundTruth[g].categoryId ? iou[d * ng + g] : 0);
    const g = argmax(ng, free);
    if (g >= 0 && free(g) >= posThreshold) {
      used[d] = true;
      matchedGt[d] = g;
      matchedDetection[g] = d;
    }
  }
  for (const crowd of crowds) {
    const region = shapeOf(crowd, image, mode);
    for (let d = 0; d < nd; d++) {
      if (used[d] === false && crowd.categoryId === detections[d].categoryId && iouOf(dShapes[d], region, true) > posThreshold) {
        used[d] = null;
      }
    }
  }
  return { detections, groundTruth, used, matchedGt, matchedDetection, iou };
}

/** Why tidecv counts detection d (unmatched or ignored) as a false positive, and the ground truth it blames. */
export function classifyDetection(
  m: TideImageMatch,
  d: number,
  posThreshold: number,
  backgroundThreshold: number,
): { readonly error: TideDetectionError; readonly gt: number } {
  const ng = m.groundTruth.length;
  if (ng === 0) return { error: 'bkg', gt: -1 };
  const category = m.detections[d].categoryId;
  const iou = (g: number) => m.iou[d * ng + g];
  const sameClass = (g: number) => (m.groundTruth[g].categoryId === category ? iou(g) : 0);
  const otherClass = (g: number) => (m.groundTruth[g].categoryId !== category ? iou(g) : 0);
  const usedSameClass = (g: number) => (m.matchedDetection[g] !== -1 ? sameClass(g) : 0);

  let g = argmax(ng, sameClass);
  if (backgroundThreshold <= sameClass(g) && sameClass(g) <= posThreshold) return { error: 'loc', gt: g };
  g = argmax(ng, otherClass);
  if (otherClass(g) >= posThreshold) return { error: 'cls', gt: g };
  g = argmax(ng, usedSameClass);
  if (usedSameClass(g) >= posThreshold) return { error: 'dupe', gt: g };
  g = argmax(ng, iou);
  if (iou(g) <= backgroundThreshold) return { error: 'bkg', gt: -1 };
  return { error: 'both', gt: -1 };
}
