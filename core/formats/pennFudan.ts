import { rleDecode, type Rle } from '../masks/rle.js';
import { failIn } from './formatError.js';
import type { BoxTuple } from './sourceAnnotations.js';

/**
 * How a box and area are derived from an instance mask:
 * - `tutorial`: torchvision's detection tutorial (`masks_to_boxes`): x2, y2 are the last column and row with a
 *   pixel, so width = x2 − x1, height = y2 − y1 and area = width × height;
 * - `coco`: the pixels' extent (width = x2 − x1 + 1, height = y2 − y1 + 1) and area = the mask's pixel count.
 */
export type BoxConvention = 'tutorial' | 'coco';

/** `[x1, y1, x2, y2]`: the first and last column and row that hold a pixel of the instance. */
export type Corners = [number, number, number, number];

export interface MaskInstance {
  /** The pixel value that marks the instance in the mask image. */
  value: number;
  mask: Rle;
  corners: Corners;
  bbox: BoxTuple;
  area: number;
}

/** One instance's pixels as they are met column by column: its RLE counts so far, its pixel count and extent. */
interface InstanceRuns {
  counts: number[];
  /** The column-major index just past the instance's last pixel so far. */
  end: number;
  pixels: number;
  corners: Corners;
}

/**
 * The instances of an index mask (row-major sample values, 0 = background, k = instance k), ordered by value
 * as the tutorial's `torch.unique` orders them. One pass over the pixels, column by column, builds every
 * instance's RLE at once, so the cost follows the pixel count however many instances the mask holds.
 */
export function instancesFromIndexMask(values: ArrayLike<number>, height: number, width: number, convention: BoxConvention): MaskInstance[] {
  if (values.length !== height * width) throw new Error(`index mask has ${values.length} values, expected ${height}×${width}`);
  const found = new Map<number, InstanceRuns>();
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const v = values[y * width + x];
      if (v === 0) continue;
      const at = x * height + y;
      const runs = found.get(v);
      if (!runs) {
        found.set(v, { counts: [at, 1], end: at + 1, pixels: 1, corners: [x, y, x, y] });
        continue;
      }
      if (runs.end === at) runs.counts[runs.counts.length - 1]++;
      else runs.counts.push(at - runs.end, 1);
      runs.end = at + 1;
      runs.pixels++;
      const c = runs.corners;
      if (y < c[1]) c[1] = y;
      if (y > c[3]) c[3] = y;
      c[2] = x;
    }
  }
  return [...found.keys()]
    .sort((a, b) => a - b)
    .map((value) => {
      const { counts, end, pixels, corners } = found.get(value)!;
      if (end < height * width) counts.push(height * width - end);
      const mask: Rle = { h: height, w: width, counts: Uint32Array.from(counts) };
      const [x1, y1, x2, y2] = corners;
      if (convention === 'tutorial') return { value, mask, corners, bbox: [x1, y1, x2 - x1, y2 - y1], area: (x2 - x1) * (y2 - y1) };
      return { value, mask, corners, bbox: [x1, y1, x2 - x1 + 1, y2 - y1 + 1], area: pixels };
    });
}

/**
 * Paints masks into one index mask (row-major, instance i gets value i + 1). Where masks overlap the later one
 * wins; `hidden` lists the instances (0-based) that lost pixels that way.
 */
export function indexMaskFromInstances(masks: readonly Rle[], height: number, width: number): { values: Uint8Array; hidden: number[] } {
  if (masks.length > 255) throw new Error(`an 8-bit index mask holds at most 255 instances, got ${masks.length}`);
  const values = new Uint8Array(height * width);
  const lost = new Set<number>();
  masks.forEach((rle, i) => {
    if (rle.h !== height || rle.w !== width) throw new Error(`mask ${i + 1} is ${rle.h}×${rle.w}, expected ${height}×${width}`);
    const columns = rleDecode(rle);
    for (let x = 0; x < width; x++) {
      for (let y = 0; y < height; y++) {
        if (!columns[x * height + y]) continue;
        const at = y * width + x;
        if (values[at] !== 0) lost.add(values[at] - 1);
        values[at] = i + 1;
      }
    }
  });
  return { values, hidden: [...lost].sort((a, b) => a - b) };
}

export interface PennFudanObject {
  /** The object's number k (its value in the mask). */
  index: number;
  label: string;
  /** As written: 1-based pixel coordinates, both corners inclusive. */
  corners: Corners;
}

/** What a Penn-Fudan (PASCAL Annotation 1.00) text file states. */
export interface PennFudanText {
  width?: number;
  height?: number;
  objects: PennFudanObject[];
}

const SIZE = /^Image size \(X x Y x C\)\s*:\s*(\d+)\s*x\s*(\d+)\s*x\s*(\d+)\s*$/;
const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
const POINT = `\\(\\s*${NUMBER}\\s*,\\s*${NUMBER}\\s*\\)`;
const BOX = new RegExp(`^Bounding box for object (\\d+) "([^"]*)" \\(Xmin, Ymin\\) - \\(Xmax, Ymax\\)\\s*:\\s*${POINT}\\s*-\\s*${POINT}\\s*$`);

/** Reads a Penn-Fudan annotation text; a malformed size or box line is an error naming the file and line. */
export function parsePennFudanAnnotation(text: string, source: string): PennFudanText {
  const out: PennFudanText = { objects: [] };
  const seen = new Set<number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const where = `line ${i + 1}`;
    if (line.startsWith('Image size')) {
      const m = SIZE.exec(line);
      if (!m) failIn(source, where, `cannot read the image size from ${JSON.stringify(line)}`);
      out.width = Number(m[1]);
      out.height = Number(m[2]);
    } else if (line.startsWith('Bounding box')) {
      const m = BOX.exec(line);
      if (!m) failIn(source, where, `cannot read the bounding box from ${JSON.stringify(line)}`);
      const index = Number(m[1]);
      if (seen.has(index)) failIn(source, where, `object ${index} has a second bounding box`);
      seen.add(index);
      const corners: Corners = [Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
      if (corners[2] < corners[0] || corners[3] < corners[1]) {
        failIn(source, where, `object ${index}: (Xmax, Ymax) (${corners[2]}, ${corners[3]}) is left of or above (Xmin, Ymin)`);
      }
      out.objects.push({ index, label: m[2], corners });
    }
  });
  return out;
}

function corners1(c: Corners): string {
  return `(${c[0]}, ${c[1]}) - (${c[2]}, ${c[3]})`;
}

/**
 * Compares the text's boxes (1-based) with the boxes of the mask's instances and the text's image size with the
 * mask's; each disagreement is one sentence, in the text's 1-based coordinates.
 */
export function crossCheckPennFudan(text: PennFudanText, instances: readonly MaskInstance[], height: number, width: number): string[] {
  const problems: string[] = [];
  if (text.width !== undefined && (text.width !== width || text.height !== height)) {
    problems.push(`the text gives the image size ${text.width} x ${text.height}, the mask is ${width} x ${height}`);
  }
  const byValue = new Map(instances.map((inst) => [inst.value, inst]));
  const described = new Set<number>();
  for (const obj of text.objects) {
    described.add(obj.index);
    const inst = byValue.get(obj.index);
    if (!inst) {
      problems.push(`object ${obj.index} ("${obj.label}") has a box in the text but no pixels in the mask`);
      continue;
    }
    const fromMask: Corners = [inst.corners[0] + 1, inst.corners[1] + 1, inst.corners[2] + 1, inst.corners[3] + 1];
    if (fromMask.some((v, i) => v !== obj.corners[i])) {
      problems.push(`object ${obj.index}: the text box is ${corners1(obj.corners)}, the mask's is ${corners1(fromMask)}`);
    }
  }
  for (const inst of instances) {
    if (!described.has(inst.value)) problems.push(`mask value ${inst.value} has no box in the text`);
  }
  return problems;
}

export interface PennFudanTextObject {
  /** The object's number k, its value in the mask. */
  index: number;
  label: string;
  /** 0-based, as `masks_to_boxes` gives them. */
  corners: Corners;
}

/** A Penn-Fudan annotation text in the original's layout, boxes written 1-based as the original's are. */
export function writePennFudanAnnotation(entry: {
  /** The dataset folder's name, which the original's paths start with. */
  folder: string;
  database: string;
  imageFile: string;
  maskFile: string;
  width: number;
  height: number;
  channels: number;
  objects: readonly PennFudanTextObject[];
}): string {
  const lines = [
    '# Compatible with PASCAL Annotation Version 1.00',
    `Image filename : "${entry.folder}/PNGImages/${entry.imageFile}"`,
    `Image size (X x Y x C) : ${entry.width} x ${entry.height} x ${entry.channels}`,
    `Database : "${entry.database}"`,
    `Objects with ground truth : ${entry.objects.length} { ${entry.objects.map((o) => `"${o.label}"`).join(' ')} }`,
    '# Note there may be some objects not included in the ground truth list for they are severe-occluded',
    '# or have very small size.',
    '# Top left pixel co-ordinates : (1, 1)',
  ];
  for (const o of entry.objects) {
    const k = o.index;
    const c = o.corners;
    lines.push(
      `# Details for pedestrian ${k} ("${o.label}")`,
      `Original label for object ${k} "${o.label}" : "${entry.folder}"`,
      `Bounding box for object ${k} "${o.label}" (Xmin, Ymin) - (Xmax, Ymax) : ${corners1([c[0] + 1, c[1] + 1, c[2] + 1, c[3] + 1])}`,
      `Pixel mask for object ${k} "${o.label}" : "${entry.folder}/PedMasks/${entry.maskFile}"`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
