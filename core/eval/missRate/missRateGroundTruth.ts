import { parseCocoGroundTruth, type CocoGroundTruth } from '../../formats/cocoJson.js';
import { arrayField, describe, fail, isFiniteNumber, objectAt, type Json } from '../../formats/validate.js';
import type { Box, ImageId } from '../types.js';

/** A ground-truth box with what the miss-rate setups select on. */
export interface PedestrianGroundTruth {
  readonly id: number;
  readonly imageId: ImageId;
  readonly categoryId: number;
  readonly bbox: Box;
  /** The annotation's `height`, or its box height when it has none. */
  readonly height: number;
  /** The annotation's `vis_ratio` (visible fraction), or 1 when it has none. */
  readonly visibility: number;
  /** The annotation's own `ignore` flag (false when absent); each setup ignores more on top of it. */
  readonly ignore: boolean;
}

/** What the miss-rate evaluation reads from a ground-truth file. */
export interface MissRateGroundTruth {
  /** Every image in the file, those with nothing in them too: false positives are counted per image over all. */
  readonly imageIds: readonly ImageId[];
  readonly annotations: readonly PedestrianGroundTruth[];
}

/**
 * Reads a COCO ground-truth file for the miss-rate evaluation: the checked COCO fields (parsed here unless the
 * caller already has them) plus CityPersons' per-annotation `height`, `vis_ratio` and `ignore`.
 */
export function readMissRateGroundTruth(json: unknown, coco: CocoGroundTruth = parseCocoGroundTruth(json, { segmentations: false })): MissRateGroundTruth {
  const raw = arrayField(objectAt(json, 'ground truth'), 'annotations', 'ground truth', false);
  const annotations = coco.annotations.map((gt, i): PedestrianGroundTruth => {
    const o = objectAt(raw[i], `annotations[${i}]`);
    const where = `annotations[${i}] (id ${gt.id})`;
    return {
      id: gt.id,
      imageId: gt.imageId,
      categoryId: gt.categoryId,
      bbox: gt.bbox,
      height: optionalNumber(o, 'height', where) ?? gt.bbox[3],
      visibility: optionalNumber(o, 'vis_ratio', where) ?? 1,
      ignore: ignoreFlag(o, where),
    };
  });
  return { imageIds: coco.images.map((image) => image.id), annotations };
}

function optionalNumber(o: Json, key: string, where: string): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (!isFiniteNumber(v)) fail(where, `${key} must be a number, got ${describe(v)}`);
  return v;
}

function ignoreFlag(o: Json, where: string): boolean {
  const v = o.ignore ?? 0;
  if (v !== 0 && v !== 1 && typeof v !== 'boolean') fail(where, `ignore must be 0 or 1, got ${describe(v)}`);
  return v === 1 || v === true;
}
