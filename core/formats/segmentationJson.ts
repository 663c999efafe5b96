import type { EvalImage } from '../eval/types.js';
import type { Rle } from '../masks/rle.js';
import { countsFromString } from '../masks/rleString.js';
import type { Segmentation } from '../masks/segmentation.js';
import { describe, fail, isFiniteNumber, isObject } from './validate.js';

/**
 * A COCO `segmentation`: a list of polygons `[[x0, y0, x1, y1, ...], ...]` (at least 3 points each), or an
 * RLE object `{ size: [h, w], counts }` with compressed (string) or plain (number list) counts covering
 * exactly h×w pixels, of the same size as its image when the image's size is known.
 */
export function parseSegmentation(v: unknown, where: string, image: EvalImage): Segmentation {
  if (Array.isArray(v)) {
    if (v.length === 0) fail(where, 'segmentation has no polygons');
    v.forEach((poly, i) => {
      const at = `segmentation[${i}]`;
      if (!Array.isArray(poly)) fail(where, `${at} must be a polygon [x0, y0, x1, y1, ...], got ${describe(poly)}`);
      const bad = poly.findIndex((n) => !isFiniteNumber(n));
      if (bad >= 0) fail(where, `${at}[${bad}] must be a number, got ${describe(poly[bad])}`);
      if (poly.length % 2 !== 0) fail(where, `${at} has ${poly.length} numbers; a polygon is x, y pairs`);
      if (poly.length < 6) {
        fail(where, `${at} has ${poly.length / 2} points (${poly.length} numbers); a polygon needs at least 3 points (6 numbers)`);
      }
    });
    return { kind: 'polygons', polygons: v as number[][] };
  }
  if (!isObject(v)) fail(where, `segmentation must be a polygon list or an RLE object, got ${describe(v)}`);
  const size = v.size;
  if (!Array.isArray(size) || size.length !== 2 || !size.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    fail(where, `segmentation.size must be [height, width] (two non-negative integers), got ${describe(size)}`);
  }
  const [h, w] = size as [number, number];
  if ((image.height !== undefined && h !== image.height) || (image.width !== undefined && w !== image.width)) {
    fail(where, `segmentation size [${h}, ${w}] does not match image ${JSON.stringify(image.id)} (height ${image.height}, width ${image.width})`);
  }
  const rle: Rle = { h, w, counts: parseCounts(v.counts, where) };
  let sum = 0;
  for (const c of rle.counts) sum += c;
  if (sum !== h * w) fail(where, `segmentation counts cover ${sum} pixels, but size [${h}, ${w}] has ${h * w}`);
  return { kind: 'rle', rle };
}

function parseCounts(counts: unknown, where: string): Uint32Array {
  if (typeof counts === 'string') {
    try {
      return countsFromString(counts);
    } catch (err) {
      fail(where, `segmentation.counts: ${(err as Error).message}`);
    }
  }
  if (Array.isArray(counts)) {
    if (!counts.every((c) => Number.isSafeInteger(c) && c >= 0 && c <= 0xffffffff)) {
      fail(where, 'segmentation.counts must hold non-negative integers');
    }
    return Uint32Array.from(counts as number[]);
  }
  return fail(where, `segmentation.counts must be a string or a list of integers, got ${describe(counts)}`);
}
