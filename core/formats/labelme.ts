import { rleFromPolygons } from '../masks/polygon.js';
import { rleArea, rleToBbox } from '../masks/rle.js';
import { failIn } from './formatError.js';
import type { Attributes, SourceImage } from './sourceAnnotations.js';
import { describe, isFiniteNumber, isObject } from './validate.js';

/**
 * A labelme JSON file: rectangles become boxes, polygons become masks (rasterised as COCO does, with the box and
 * area taken from the mask, as labelme's own COCO converter does). `group_id`, `flags` and `description` are kept
 * as attributes. Other shape types are skipped with a warning.
 */
export function parseLabelme(json: unknown, source: string): { image: SourceImage; warnings: string[] } {
  if (!isObject(json)) failIn(source, '', `must be a JSON object, got ${describe(json)}`);
  const { imagePath, imageWidth: width, imageHeight: height, shapes } = json;
  if (typeof imagePath !== 'string' || imagePath === '') failIn(source, '', `imagePath must be a file name, got ${describe(imagePath)}`);
  for (const [key, v] of [['imageWidth', width], ['imageHeight', height]] as const) {
    if (!Number.isSafeInteger(v) || (v as number) <= 0) failIn(source, '', `${key} must be a positive integer, got ${describe(v)}`);
  }
  const w = width as number;
  const h = height as number;
  if (!Array.isArray(shapes)) failIn(source, '', `shapes must be an array, got ${describe(shapes)}`);
  const image: SourceImage = { fileName: imagePath, width: w, height: h, annotations: [], where: source };
  const warnings: string[] = [];
  shapes.forEach((shape, i) => {
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
    if (shape.group_id !== undefined && shape.group_id !== null) attributes.group_id = shape.group_id;
    if (isObject(shape.flags) && Object.keys(shape.flags).length > 0) attributes.flags = shape.flags;
    if (typeof shape.description === 'string' && shape.description !== '') attributes.description = shape.description;
    if (type === 'rectangle') {
      if (pts.length !== 2) failIn(source, where, `a rectangle needs 2 points, got ${pts.length}`);
      const [[x1, y1], [x2, y2]] = pts;
      const bbox: [number, number, number, number] = [Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1)];
      image.annotations.push({ category: shape.label, bbox, area: bbox[2] * bbox[3], iscrowd: false, segmentation: null, attributes });
    } else if (type === 'polygon') {
      if (pts.length < 3) failIn(source, where, `a polygon needs at least 3 points, got ${pts.length}`);
      const mask = rleFromPolygons([pts.flat()], h, w);
      image.annotations.push({
        category: shape.label,
        bbox: rleToBbox(mask),
        area: rleArea(mask),
        iscrowd: false,
        segmentation: { kind: 'rle', rle: mask },
        attributes,
      });
    } else {
      warnings.push(`${source}: ${where}: shape type ${JSON.stringify(type)} skipped (only rectangles and polygons are imported)`);
    }
  });
  return { image, warnings };
}
