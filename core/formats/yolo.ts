import { rleFromPolygons } from '../masks/polygon.js';
import { rleArea, rleToBbox } from '../masks/rle.js';
import { failIn } from './formatError.js';
import type { BoxTuple, SourceAnnotation } from './sourceAnnotations.js';

/**
 * YOLO label files: one object a line, `class cx cy w h` with the box centre and size divided by the image's
 * width and height, or `class x1 y1 x2 y2 …` for a polygon (YOLO's segmentation labels). Classes are numbered
 * from 0 in the order of `classes.txt`, one name a line.
 */
export function parseYoloClasses(text: string, source: string): string[] {
  const names = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (names.length === 0) failIn(source, '', 'lists no class names');
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) failIn(source, `line ${i + 1}`, `class "${name}" is already listed on line ${first + 1}`);
    seen.set(name, i);
  });
  return names;
}

/** Pixel values rounded to a millionth of a pixel, so boxes written from whole pixels come back whole. */
function pixels(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function parseYoloLabels(text: string, source: string, classes: readonly string[], width: number, height: number): SourceAnnotation[] {
  const out: SourceAnnotation[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `line ${i + 1}`;
    const tokens = line.split(/\s+/);
    const values = tokens.slice(1).map(Number);
    const classIndex = Number(tokens[0]);
    if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes.length) {
      failIn(source, where, `class ${JSON.stringify(tokens[0])} is not a class index 0..${classes.length - 1}`);
    }
    if (values.some((v) => !Number.isFinite(v))) failIn(source, where, `coordinates must be numbers, got ${JSON.stringify(line)}`);
    const category = classes[classIndex];
    if (values.length === 4) {
      const [cx, cy, w, h] = values;
      if (w < 0 || h < 0) failIn(source, where, `the box has a negative size (${w}, ${h})`);
      const bbox: BoxTuple = [pixels((cx - w / 2) * width), pixels((cy - h / 2) * height), pixels(w * width), pixels(h * height)];
      out.push({ category, bbox, area: bbox[2] * bbox[3], iscrowd: false, segmentation: null, attributes: {} });
      return;
    }
    if (values.length < 6 || values.length % 2 !== 0) {
      failIn(source, where, `expected "class cx cy w h" or a polygon "class x1 y1 x2 y2 x3 y3 …", got ${tokens.length} values`);
    }
    const polygon = values.map((v, j) => pixels(j % 2 === 0 ? v * width : v * height));
    const mask = rleFromPolygons([polygon], height, width);
    out.push({
      category,
      bbox: rleToBbox(mask),
      area: rleArea(mask),
      iscrowd: false,
      segmentation: { kind: 'rle', rle: mask },
      attributes: {},
    });
  });
  return out;
}

/** One label file's text for boxes on a `width`×`height` image. */
export function writeYoloLabels(objects: readonly { classIndex: number; bbox: readonly number[] }[], width: number, height: number): string {
  return objects
    .map(({ classIndex, bbox: [x, y, w, h] }) => `${classIndex} ${(x + w / 2) / width} ${(y + h / 2) / height} ${w / width} ${h / height}\n`)
    .join('');
}
