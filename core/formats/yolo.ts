import { rleFromPolygons } from '../masks/polygon.js';
import { rleArea, rleToBbox } from '../masks/rle.js';
import { failIn } from './formatError.js';
import { boxOnly, type BoxTuple, type SourceAnnotation } from './sourceAnnotations.js';

/**
 * YOLO label files: one object a line, `class cx cy w h` with the box centre and size divided by the image's
 * width and height, or `class x1 y1 x2 y2 …` for a polygon (YOLO's segmentation labels). Classes are numbered
 * from 0 in the order of `classes.txt`, one name a line.
 */
export function parseYoloClasses(text: string, source: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_CLASSES) failIn(source, '', `has ${lines.length} lines; a classes file lists at most ${MAX_CLASSES} names`);
  const names: string[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '') return;
    const problem = notAClassName(name);
    // The line is not quoted: a file that is no classes file (a key, say) must not come back in the message.
    if (problem) failIn(source, `line ${i + 1}`, `is not a class name (${problem}); a classes file lists one name a line`);
    const first = seen.get(name);
    if (first !== undefined) failIn(source, `line ${i + 1}`, `class "${name}" is already listed on line ${first + 1}`);
    seen.set(name, i);
    names.push(name);
  });
  if (names.length === 0) failIn(source, '', 'lists no class names');
  return names;
}

const MAX_CLASSES = 10_000;
const MAX_NAME = 100;

/** Why a line cannot be a class name: names are short words of letters and digits, as detectors' label lists are. */
function notAClassName(name: string): string | null {
  if (name.length > MAX_NAME) return `longer than ${MAX_NAME} characters`;
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\p{M} _.\-'()&+,/]*$/u.test(name)) return 'it holds characters class names do not use';
  if (name.split(/\s+/).some((word) => word.length > 40) || name.match(/[A-Za-z0-9+/]{20,}/g)?.some(looksEncoded)) {
    return 'it looks like encoded data, not a name';
  }
  return null;
}

/**
 * Whether a run of 20 or more letters and digits (base64's `+` and `/` included) reads as a key, a hash or base64
 * rather than words: letters and digits mixed with no separator at all (a hex key, a token), or mixed in both
 * cases around a `+` or `/` (a line of base64).
 */
function looksEncoded(run: string): boolean {
  if (!/[0-9]/.test(run) || !/[A-Za-z]/.test(run)) return false;
  return /^[A-Za-z0-9]+$/.test(run) || (/[a-z]/.test(run) && /[A-Z]/.test(run));
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
      failIn(source, where, `the first value is not a class index 0..${classes.length - 1} (a label line is "class cx cy w h")`);
    }
    if (values.some((v) => !Number.isFinite(v))) failIn(source, where, `coordinates must be numbers (a label line is "class cx cy w h")`);
    const category = classes[classIndex];
    if (values.length === 4) {
      const [cx, cy, w, h] = values;
      if (w < 0 || h < 0) failIn(source, where, `the box has a negative size (${w}, ${h})`);
      const bbox: BoxTuple = [pixels((cx - w / 2) * width), pixels((cy - h / 2) * height), pixels(w * width), pixels(h * height)];
      out.push({ category, ...boxOnly(bbox) });
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
