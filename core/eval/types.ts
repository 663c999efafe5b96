import type { Segmentation } from '../masks/segmentation.js';

/**
 * Image ids are numbers or strings. The COCO parser turns a string of decimal digits into its number
 * (files in the wild mix `"2299"` and `2299` for one image); other strings stay strings.
 */
export type ImageId = number | string;

/** `[x, y, width, height]` in image pixels. */
export type Box = readonly [number, number, number, number];

export interface EvalImage {
  readonly id: ImageId;
  /** Needed to rasterise polygons for `segm` evaluation. */
  readonly width?: number;
  readonly height?: number;
}

export interface EvalCategory {
  readonly id: number;
  readonly name?: string;
}

export interface GroundTruth {
  readonly id: number;
  readonly imageId: ImageId;
  readonly categoryId: number;
  readonly bbox: Box;
  /** The area compared with the area ranges (COCO's `area` field: mask pixels), also for `bbox` evaluation. */
  readonly area: number;
  /** Crowd regions are ignored: matching one neither helps nor hurts. */
  readonly iscrowd: boolean;
  /** Required for `segm` evaluation. */
  readonly segmentation?: Segmentation;
}

export interface Detection {
  readonly id: number;
  readonly imageId: ImageId;
  readonly categoryId: number;
  readonly score: number;
  readonly bbox: Box;
  /** The area compared with the area ranges (box w×h, or mask pixels for mask results without a box). */
  readonly area: number;
  /** Required for `segm` evaluation. */
  readonly segmentation?: Segmentation;
}

/** Orders image ids as the evaluation does: numbers ascending, then strings in code-unit order. */
export function compareImageIds(a: ImageId, b: ImageId): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
