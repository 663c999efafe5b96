import { decodedRle, EncodedRle } from '../masks/encodedRle.js';
import { boxIouAt, maskIou } from '../masks/iou.js';
import { rleArea, rleToBbox, type Rle } from '../masks/rle.js';
import { segmentationToRle } from '../masks/segmentation.js';
import type { IouType } from './params.js';
import type { ArrayAllocator } from './slab.js';
import type { Detection, EvalImage, GroundTruth } from './types.js';

/** What IoU needs of an image's annotations, computed once per image. */
export interface Geometry {
  /** `[x, y, w, h]` per annotation: the box itself, or the mask's bounding box for `segm`. */
  readonly boxes: Float64Array;
  /** Masks and their pixel counts, for `segm` only. Detection masks may still be encoded (see {@link EncodedRle}). */
  readonly masks: readonly Rle[] | null;
  readonly maskAreas: Float64Array | null;
}

export function annotationGeometry(
  iouType: IouType,
  image: EvalImage,
  anns: readonly (GroundTruth | Detection)[],
  kind: 'ground truth' | 'detection',
  arrays: ArrayAllocator,
): Geometry {
  const boxes = arrays.float64(anns.length * 4);
  if (iouType === 'bbox') {
    for (let i = 0; i < anns.length; i++) {
      const b = anns[i].bbox;
      boxes[i * 4] = b[0];
      boxes[i * 4 + 1] = b[1];
      boxes[i * 4 + 2] = b[2];
      boxes[i * 4 + 3] = b[3];
    }
    return { boxes, masks: null, maskAreas: null };
  }
  const masks: Rle[] = [];
  const maskAreas = arrays.float64(anns.length);
  anns.forEach((a, i) => {
    const mask = annotationMask(image, a, kind);
    if (mask instanceof EncodedRle) {
      maskAreas[i] = mask.area;
      boxes.set(mask.bbox, i * 4);
      masks.push(kind === 'detection' ? mask : decodedRle(mask));
      return;
    }
    masks.push(mask);
    maskAreas[i] = rleArea(mask);
    boxes.set(rleToBbox(mask), i * 4);
  });
  return { boxes, masks, maskAreas };
}

function annotationMask(image: EvalImage, ann: GroundTruth | Detection, kind: string): Rle {
  const where = `${kind} id ${ann.id} (image ${JSON.stringify(image.id)})`;
  const seg = ann.segmentation;
  if (!seg) throw new Error(`${where} has no segmentation, which segm evaluation needs`);
  if (seg.kind === 'rle') {
    const { h, w } = seg.rle;
    if ((image.height !== undefined && h !== image.height) || (image.width !== undefined && w !== image.width)) {
      throw new Error(`${where}: mask size [${h}, ${w}] differs from the image's [${image.height}, ${image.width}]`);
    }
    return seg.rle;
  }
  if (image.height === undefined || image.width === undefined) {
    throw new Error(`${where}: polygons need the image's width and height`);
  }
  return segmentationToRle(seg, image.height, image.width);
}

/**
 * Fills `out` from `offset` (row-major `[detection][groundTruth]`) with the IoUs of detections
 * `dt[d0 .. d0 + nd)` against ground truths `gt[g0 .. g0 + ng)` (indices into their images' annotation
 * lists); `crowd[g0 + g]` flags crowd regions.
 */
export function fillIous(
  out: Float64Array,
  offset: number,
  dtGeom: Geometry,
  dt: Int32Array,
  d0: number,
  nd: number,
  gtGeom: Geometry,
  gt: Int32Array,
  g0: number,
  ng: number,
  crowd: Uint8Array,
): void {
  const db = dtGeom.boxes;
  const gb = gtGeom.boxes;
  for (let d = 0; d < nd; d++) {
    const di = dt[d0 + d];
    const row = offset + d * ng;
    // An encoded mask is decoded when its box first meets a ground truth's, once for the row.
    let dMask: Rle | null = null;
    for (let g = 0; g < ng; g++) {
      const gi = gt[g0 + g];
      const isCrowd = crowd[g0 + g] === 1;
      let iou = boxIouAt(db, di * 4, gb, gi * 4, isCrowd);
      if (iou > 0 && dtGeom.masks && gtGeom.masks) {
        dMask ??= decodedRle(dtGeom.masks[di]);
        iou = maskIou(dMask, gtGeom.masks[gi], isCrowd, dtGeom.maskAreas![di], gtGeom.maskAreas![gi]);
      }
      out[row + g] = iou;
    }
  }
}

/**
 * For every detection, its best IoU with any of the image's ground truths, whatever their category
 * (crowd regions measured as in matching), and the index of that ground truth (-1 when no overlap).
 */
export function bestOverlaps(dtGeom: Geometry, dtCount: number, gtGeom: Geometry, crowd: readonly boolean[]): { iou: Float64Array; gt: Int32Array } {
  const iou = new Float64Array(dtCount);
  const gt = new Int32Array(dtCount).fill(-1);
  const all = Int32Array.from(crowd, (_, g) => g);
  const crowdFlags = Uint8Array.from(crowd, (c) => (c ? 1 : 0));
  const row = new Float64Array(crowd.length);
  for (let d = 0; d < dtCount; d++) {
    fillIous(row, 0, dtGeom, Int32Array.of(d), 0, 1, gtGeom, all, 0, crowd.length, crowdFlags);
    for (let g = 0; g < crowd.length; g++) {
      if (row[g] > iou[d]) {
        iou[d] = row[g];
        gt[d] = g;
      }
    }
  }
  return { iou, gt };
}
