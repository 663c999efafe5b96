import type { Box, Detection, EvalCategory, EvalImage, GroundTruth, ImageId } from '../eval/types.js';
import { beyondPixelLimit } from '../geometry/pixelLimit.js';
import { rleArea, rleToBbox } from '../masks/rle.js';
import { segmentationToRle, type Segmentation } from '../masks/segmentation.js';
import { parseSegmentation } from './segmentationJson.js';
import {
  arrayField,
  boxField,
  CocoFormatError,
  describe,
  fail,
  imageIdField,
  integer,
  nonNegative,
  numberField,
  objectAt,
  positiveInteger,
} from './validate.js';

export interface CocoImage extends EvalImage {
  readonly fileName?: string;
}

export interface CocoCategory extends EvalCategory {
  readonly name: string;
  readonly supercategory?: string;
}

/** A COCO ground-truth file, checked. */
export interface CocoGroundTruth {
  readonly images: readonly CocoImage[];
  readonly categories: readonly CocoCategory[];
  readonly annotations: readonly GroundTruth[];
}

/**
 * Parses a JSON file. The error says where the text stops being JSON (line and column), never what the text is:
 * a file that is not JSON at all (a key, a document) is not echoed back.
 */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : 0;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const what = offset >= text.length ? 'ends early' : 'stops being JSON';
    throw new CocoFormatError(`${source}: not a JSON file: the text ${what} at line ${line}, column ${column}`);
  }
}

/**
 * Whether a parse reads segmentations. Box evaluation does not: pycocotools never rasterises a segmentation for
 * it (neither the ground truth's nor a box result's), so a malformed one must not stop it.
 */
export interface CocoReadOptions {
  readonly segmentations?: boolean;
}

/**
 * Reads a COCO ground-truth object (`images`, `categories`, `annotations`). Ids must be unique; every
 * annotation must name a listed image and category and carry `bbox` and `area`; `iscrowd` defaults to 0;
 * an `ignore` field is not read (COCOeval derives ignoring from `iscrowd`).
 */
export function parseCocoGroundTruth(json: unknown, { segmentations = true }: CocoReadOptions = {}): CocoGroundTruth {
  const root = objectAt(json, 'ground truth');
  const images = arrayField(root, 'images', 'ground truth', true).map(parseImage);
  const imageById = uniqueIds(images, 'images');
  const categories = arrayField(root, 'categories', 'ground truth', true).map(parseCategory);
  const categoryIds = uniqueIds(categories, 'categories');
  const seen = new Map<number, number>();
  const annotations = arrayField(root, 'annotations', 'ground truth', false).map((v, i) => {
    const o = objectAt(v, `annotations[${i}]`);
    const where = typeof o.id === 'number' ? `annotations[${i}] (id ${o.id})` : `annotations[${i}]`;
    const id = numberField(o, 'id', where, integer);
    const first = seen.get(id);
    if (first !== undefined) fail(where, `id ${id} is already used by annotations[${first}]`);
    seen.set(id, i);
    const imageId = imageIdField(o, 'image_id', where);
    const image = imageById.get(imageId);
    if (!image) fail(where, `image_id ${JSON.stringify(imageId)} is not in images`);
    const categoryId = numberField(o, 'category_id', where, integer);
    if (!categoryIds.has(categoryId)) fail(where, `category_id ${categoryId} is not in categories`);
    const iscrowd = o.iscrowd ?? 0;
    if (iscrowd !== 0 && iscrowd !== 1 && typeof iscrowd !== 'boolean') {
      fail(where, `iscrowd must be 0 or 1, got ${describe(iscrowd)}`);
    }
    const gt: GroundTruth = {
      id,
      imageId,
      categoryId,
      bbox: boxField(o, 'bbox', where),
      area: numberField(o, 'area', where, nonNegative),
      iscrowd: iscrowd === 1 || iscrowd === true,
      ...(segmentations && o.segmentation !== undefined ? { segmentation: parseSegmentation(o.segmentation, where, image) } : {}),
    };
    return gt;
  });
  return { images, categories, annotations };
}

function parseImage(v: unknown, i: number): CocoImage {
  const o = objectAt(v, `images[${i}]`);
  const where = `images[${i}]${o.id !== undefined ? ` (id ${JSON.stringify(o.id)})` : ''}`;
  const id = imageIdField(o, 'id', where);
  if ((o.width === undefined) !== (o.height === undefined)) fail(where, 'width and height must be given together');
  if (o.file_name !== undefined && typeof o.file_name !== 'string') fail(where, `file_name must be a string, got ${describe(o.file_name)}`);
  const size =
    o.width !== undefined ? { width: numberField(o, 'width', where, positiveInteger), height: numberField(o, 'height', where, positiveInteger) } : undefined;
  // Polygons are rasterised at this size, so it must be a size Pedlab opens.
  const tooLarge = size && beyondPixelLimit(size.width, size.height);
  if (tooLarge) fail(where, `the image it describes (width × height) ${tooLarge}`);
  return { id, ...size, ...(typeof o.file_name === 'string' ? { fileName: o.file_name } : {}) };
}

function parseCategory(v: unknown, i: number): CocoCategory {
  const o = objectAt(v, `categories[${i}]`);
  const where = `categories[${i}]${o.id !== undefined ? ` (id ${JSON.stringify(o.id)})` : ''}`;
  const id = numberField(o, 'id', where, integer);
  const name = o.name ?? String(id);
  if (typeof name !== 'string') fail(where, `name must be a string, got ${describe(name)}`);
  if (o.supercategory !== undefined && typeof o.supercategory !== 'string') {
    fail(where, `supercategory must be a string, got ${describe(o.supercategory)}`);
  }
  return { id, name, ...(typeof o.supercategory === 'string' ? { supercategory: o.supercategory } : {}) };
}

function uniqueIds<T extends { id: ImageId }>(items: readonly T[], what: string): Map<T['id'], T> {
  const out = new Map<T['id'], T>();
  items.forEach((item, i) => {
    if (out.has(item.id)) fail(`${what}[${i}]`, `id ${JSON.stringify(item.id)} is listed twice`);
    out.set(item.id, item);
  });
  return out;
}

/**
 * Reads COCO results (a list of detections) the way pycocotools' loadRes does. When the first result
 * has a non-empty `bbox`, every result needs one and gets `area = w*h` (a missing segmentation becomes
 * the box's polygon); otherwise every result needs a `segmentation` and gets its area from the mask
 * (its bbox too, unless it has one). Ids are 1, 2, ... in file order. Every image_id must be a
 * ground-truth image. Beyond pycocotools, plain-count RLEs and polygons are accepted as mask results.
 * Without segmentations, box results get their box's polygon whatever their segmentation holds.
 */
export function parseCocoResults(json: unknown, gt: CocoGroundTruth, { segmentations = true }: CocoReadOptions = {}): Detection[] {
  if (!Array.isArray(json)) fail('results', `must be a list of detections, got ${describe(json)}`);
  if (json.length === 0) return [];
  const images = new Map(gt.images.map((img) => [img.id, img]));
  const first = objectAt(json[0], 'results[0]');
  const boxMode = Array.isArray(first.bbox) && first.bbox.length > 0;
  if (!boxMode && first.segmentation === undefined) fail('results[0]', 'has neither bbox nor segmentation');
  return json.map((v, i) => {
    const where = `results[${i}]`;
    const o = objectAt(v, where);
    const imageId = imageIdField(o, 'image_id', where);
    const image = images.get(imageId);
    if (!image) fail(where, `image_id ${JSON.stringify(imageId)} is not in the ground truth images`);
    const categoryId = numberField(o, 'category_id', where, integer);
    const score = numberField(o, 'score', where);
    const base = { id: i + 1, imageId, categoryId, score };
    if (boxMode) {
      const bbox = boxField(o, 'bbox', where);
      const segmentation: Segmentation = segmentations && o.segmentation !== undefined ? parseSegmentation(o.segmentation, where, image) : boxPolygon(bbox);
      return { ...base, bbox, area: bbox[2] * bbox[3], segmentation };
    }
    if (o.segmentation === undefined) fail(where, 'segmentation is missing');
    const segmentation = maskSegmentation(parseSegmentation(o.segmentation, where, image), where, image);
    const mask = segmentation.rle;
    const bbox: Box = o.bbox !== undefined ? boxField(o, 'bbox', where) : rleToBbox(mask);
    return { ...base, bbox, area: rleArea(mask), segmentation };
  });
}

/** A box's outline as the polygon pycocotools' loadRes gives box results without a segmentation. */
export function boxPolygon(b: Box): Segmentation {
  const [x, y, w, h] = b;
  return { kind: 'polygons', polygons: [[x, y, x, y + h, x + w, y + h, x + w, y]] };
}

function maskSegmentation(seg: Segmentation, where: string, image: EvalImage): Segmentation & { kind: 'rle' } {
  if (seg.kind === 'rle') return seg;
  if (image.height === undefined || image.width === undefined) {
    fail(where, `polygon results need the size of image ${JSON.stringify(image.id)}`);
  }
  return { kind: 'rle', rle: segmentationToRle(seg, image.height, image.width) };
}
