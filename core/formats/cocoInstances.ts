import { parseCocoGroundTruth } from './cocoJson.js';
import { failIn, parsedFrom } from './formatError.js';
import type { SourceDataset, SourceImage } from './sourceAnnotations.js';
import { describe, isObject } from './validate.js';

/**
 * A COCO instances file as ground truth to import: checked by the evaluation's COCO parser, then grouped by
 * image. Every image needs a `file_name` (that is how it is found on disk); category names must be unique (the
 * project knows categories by name); an annotation's `attributes` object is kept.
 */
export function readCocoInstances(json: unknown, source: string): SourceDataset {
  const gt = parsedFrom(source, () => parseCocoGroundTruth(json));
  const names = new Map<number, string>();
  const firstWithName = new Map<string, number>();
  gt.categories.forEach((c, i) => {
    const first = firstWithName.get(c.name);
    if (first !== undefined) failIn(source, `categories[${i}] (id ${c.id})`, `name "${c.name}" is already used by categories[${first}]`);
    firstWithName.set(c.name, i);
    names.set(c.id, c.name);
  });
  const byId = new Map<unknown, SourceImage>();
  const images = gt.images.map((img, i) => {
    const where = `images[${i}] (id ${JSON.stringify(img.id)})`;
    if (!img.fileName) failIn(source, where, 'file_name is missing');
    const image: SourceImage = {
      fileName: img.fileName,
      ...(img.width !== undefined ? { width: img.width, height: img.height } : {}),
      annotations: [],
      where: `${source}: ${where}`,
    };
    byId.set(img.id, image);
    return image;
  });
  const raw = (json as { annotations?: unknown[] }).annotations ?? [];
  gt.annotations.forEach((a, i) => {
    const attributes = (raw[i] as Record<string, unknown>).attributes ?? {};
    if (!isObject(attributes)) failIn(source, `annotations[${i}] (id ${a.id})`, `attributes must be an object, got ${describe(attributes)}`);
    byId.get(a.imageId)!.annotations.push({
      category: names.get(a.categoryId)!,
      bbox: [...a.bbox],
      area: a.area,
      iscrowd: a.iscrowd,
      segmentation: a.segmentation ?? null,
      attributes,
    });
  });
  return {
    categories: gt.categories.map((c) => ({ name: c.name, ...(c.supercategory !== undefined ? { supercategory: c.supercategory } : {}) })),
    images,
  };
}

export interface CocoExportAnnotation {
  categoryId: number;
  bbox: readonly [number, number, number, number];
  area: number;
  iscrowd: boolean;
  /** Compressed RLE of the image's size; null writes no `segmentation`. */
  mask: { size: [number, number]; counts: string } | null;
  attributes: Record<string, unknown>;
}

export interface CocoExportImage {
  fileName: string;
  width: number;
  height: number;
  annotations: readonly CocoExportAnnotation[];
}

/** A COCO instances object: image and annotation ids from 1 in the order given; non-empty attributes kept. */
export function writeCocoInstances(data: {
  info: Record<string, unknown>;
  categories: readonly { id: number; name: string; supercategory: string }[];
  images: readonly CocoExportImage[];
}): Record<string, unknown> {
  const images: unknown[] = [];
  const annotations: unknown[] = [];
  data.images.forEach((img, i) => {
    const imageId = i + 1;
    images.push({ id: imageId, file_name: img.fileName, width: img.width, height: img.height });
    for (const a of img.annotations) {
      annotations.push({
        id: annotations.length + 1,
        image_id: imageId,
        category_id: a.categoryId,
        ...(a.mask ? { segmentation: { size: a.mask.size, counts: a.mask.counts } } : {}),
        area: a.area,
        bbox: [...a.bbox],
        iscrowd: a.iscrowd ? 1 : 0,
        ...(Object.keys(a.attributes).length > 0 ? { attributes: a.attributes } : {}),
      });
    }
  });
  const categories = data.categories.map((c) => ({ id: c.id, name: c.name, supercategory: c.supercategory }));
  return { info: data.info, licenses: [], images, annotations, categories };
}
