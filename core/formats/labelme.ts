import { beyondPixelLimit } from '../geometry/pixelLimit.js';
import { rleFromPolygons } from '../masks/polygon.js';
import { rleArea, rleToBbox } from '../masks/rle.js';
import { failIn } from './formatError.js';
import { boxOnly, type Attributes, type BoxTuple, type SourceAnnotation, type SourceImage } from './sourceAnnotations.js';
import { describe, isFiniteNumber, isObject } from './validate.js';

/** labelme's label for regions to leave out of training and evaluation (its examples' `labels.txt` starts with it). */
export const LABELME_IGNORE = '__ignore__';

interface Shape {
  label: string;
  /** Shapes with the same label and group_id are one instance, as labelme2coco merges them. */
  instance: string;
  polygon: number[];
  rectangle: boolean;
  attributes: Attributes;
}

function readShape(shape: unknown, i: number, source: string, warnings: string[]): Shape | null {
  const where = `shapes[${i}]`;
  if (!isObject(shape)) failIn(source, where, `must be an object, got ${describe(shape)}`);
  const type = shape.shape_type ?? 'polygon';
  if (typeof shape.label !== 'string' || shape.label === '') failIn(source, where, `label must be a non-empty string, got ${describe(shape.label)}`);
  const points = shape.points;
  if (!Array.isArray(points) || !points.every((p) => Array.isArray(p) && p.length === 2 && p.every(isFiniteNumber))) {
    failIn(source, where, `points must be a list of [x, y] pairs, got ${describe(points)}`);
  }
  const pts = points as [number, number][];
  const attributes: Attributes = {};
  const grouped = shape.group_id !== undefined && shape.group_id !== null;
  if (grouped) attributes.group_id = shape.group_id;
  if (isObject(shape.flags) && Object.keys(shape.flags).length > 0) attributes.flags = shape.flags;
  if (typeof shape.description === 'string' && shape.description !== '') attributes.description = shape.description;
  const instance = grouped ? `${shape.label}\u0000${JSON.stringify(shape.group_id)}` : `shape ${i}`;
  if (type === 'rectangle') {
    if (pts.length !== 2) failIn(source, where, `a rectangle needs 2 points, got ${pts.length}`);
    const [x1, x2] = [pts[0][0], pts[1][0]].sort((a, b) => a - b);
    const [y1, y2] = [pts[0][1], pts[1][1]].sort((a, b) => a - b);
    return { label: shape.label, instance, polygon: [x1, y1, x2, y1, x2, y2, x1, y2], rectangle: true, attributes };
  }
  if (type === 'polygon') {
    if (pts.length < 3) failIn(source, where, `a polygon needs at least 3 points, got ${pts.length}`);
    return { label: shape.label, instance, polygon: pts.flat(), rectangle: false, attributes };
  }
  warnings.push(`${source}: ${where}: shape type ${JSON.stringify(type)} skipped (only rectangles and polygons are imported)`);
  return null;
}

/**
 * A labelme JSON file. Shapes with the same label and `group_id` are one instance, as labelme's labelme2coco
 * makes them (a shape without a group is an instance of its own): one rectangle alone is a box; anything else is
 * a mask, the union of its shapes rasterised as COCO rasterises polygons, with box and area taken from the mask.
 * Shapes labelled `__ignore__` become ignore regions: a crowd region of each other label in the file, since
 * COCO evaluation ignores detections per category. `group_id`, `flags` and `description` are kept as
 * attributes. Other shape types are skipped with a warning.
 */
export function parseLabelme(json: unknown, source: string): { image: SourceImage; warnings: string[] } {
  if (!isObject(json)) failIn(source, '', `must be a JSON object, got ${describe(json)}`);
  const { imagePath, imageWidth: width, imageHeight: height, shapes } = json;
  if (typeof imagePath !== 'string' || imagePath === '') failIn(source, '', `imagePath must be a file name, got ${describe(imagePath)}`);
  for (const [key, v] of [
    ['imageWidth', width],
    ['imageHeight', height],
  ] as const) {
    if (!Number.isSafeInteger(v) || (v as number) <= 0) failIn(source, '', `${key} must be a positive integer, got ${describe(v)}`);
  }
  const w = width as number;
  const h = height as number;
  // Polygons are rasterised at this size before the image is opened, so it must be a size Pedlab opens.
  const tooLarge = beyondPixelLimit(w, h);
  if (tooLarge) failIn(source, '', `the image it describes (imageWidth × imageHeight) ${tooLarge}`);
  if (!Array.isArray(shapes)) failIn(source, '', `shapes must be an array, got ${describe(shapes)}`);
  const image: SourceImage = { fileName: imagePath, width: w, height: h, annotations: [], where: source };
  const warnings: string[] = [];
  const instances = new Map<string, Shape[]>();
  shapes.forEach((raw, i) => {
    const shape = readShape(raw, i, source, warnings);
    if (shape) instances.set(shape.instance, [...(instances.get(shape.instance) ?? []), shape]);
  });
  const labels = [...new Set([...instances.values()].map((parts) => parts[0].label).filter((l) => l !== LABELME_IGNORE))];
  for (const parts of instances.values()) {
    const { label, attributes } = parts[0];
    const ignore = label === LABELME_IGNORE;
    if (ignore && labels.length === 0) {
      warnings.push(`${source}: an ${LABELME_IGNORE} region was skipped: the file labels nothing else for it to apply to`);
      continue;
    }
    let annotation: Omit<SourceAnnotation, 'category'>;
    if (parts.length === 1 && parts[0].rectangle && !ignore) {
      const [x1, y1, x2, , , y2] = parts[0].polygon;
      const bbox: BoxTuple = [x1, y1, x2 - x1, y2 - y1];
      annotation = boxOnly(bbox, attributes);
    } else {
      const mask = rleFromPolygons(
        parts.map((p) => p.polygon),
        h,
        w,
      );
      annotation = { bbox: rleToBbox(mask), area: rleArea(mask), iscrowd: ignore, segmentation: { kind: 'rle', rle: mask }, attributes };
    }
    for (const category of ignore ? labels : [label]) image.annotations.push({ category, ...annotation });
  }
  return { image, warnings };
}
