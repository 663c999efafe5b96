import type { Segmentation } from '../masks/segmentation.js';

/** `[x, y, width, height]` in image pixels. */
export type BoxTuple = [number, number, number, number];

/** Free-form facts about an annotation (VOC's `difficult`, labelme's `group_id`, …), kept as JSON. */
export type Attributes = Record<string, unknown>;

/** One annotation as a source file gives it, before it is matched to a project image. */
export interface SourceAnnotation {
  category: string;
  bbox: BoxTuple;
  area: number;
  iscrowd: boolean;
  /** The instance's shape on the whole image; null when the source has a box only. */
  segmentation: Segmentation | null;
  attributes: Attributes;
}

/** An annotation that is a box only: no segmentation, its area the box's. */
export function boxOnly(bbox: BoxTuple, attributes: Attributes = {}, iscrowd = false): Omit<SourceAnnotation, 'category'> {
  return { bbox, area: bbox[2] * bbox[3], iscrowd, segmentation: null, attributes };
}

/** One image's ground truth as a source file describes it. */
export interface SourceImage {
  /** The image's name as the source gives it, relative to the folder the source's images live in. */
  fileName: string;
  /** The size the source states, when it states one. */
  width?: number;
  height?: number;
  annotations: SourceAnnotation[];
  /** The file (and record) it came from, for messages. */
  where: string;
}

export interface SourceCategory {
  name: string;
  supercategory?: string;
}

/** What a ground-truth source holds: its categories (in its own order) and its images. */
export interface SourceDataset {
  categories: SourceCategory[];
  images: SourceImage[];
}
