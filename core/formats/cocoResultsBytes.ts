import type { Box, Detection, EvalImage } from '../eval/types.js';
import { EncodedRle } from '../masks/encodedRle.js';
import type { Segmentation } from '../masks/segmentation.js';
import { boxPolygon, type CocoGroundTruth, type CocoReadOptions } from './cocoJson.js';
import { JsonBytes, NOT_PLAIN } from './jsonBytes.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;

const IMAGE_ID = 1;
const CATEGORY_ID = 2;
const SCORE = 4;
const BBOX = 8;
const SEGMENTATION = 16;

/**
 * Reads COCO results straight from the bytes of their file, as {@link parseCocoResults} reads the parsed file, for
 * files laid out as detectors write them: a list of objects, each with a numeric `image_id`, `category_id`,
 * `score`, and either a `bbox` of 4 numbers (with, when segmentations are read, no `segmentation`, for which the
 * box's polygon stands in, or an RLE with a compressed counts string) or, when the first result has no box, such an
 * RLE (and optionally a box); other fields are passed over. Masks stay in the bytes
 * (see {@link EncodedRle}), which they keep alive. When segmentations are not read, results carry none (box
 * evaluation needs none). Answers null for any other file, valid or not, whose detections or error
 * `parseCocoResults` then gives: nothing here explains what is wrong with a file.
 */
export function readCocoResultsBytes(bytes: Uint8Array, gt: CocoGroundTruth, { segmentations = true }: CocoReadOptions = {}): Detection[] | null {
  const images = new Map<number, EvalImage>();
  for (const img of gt.images) if (typeof img.id === 'number') images.set(img.id, img);
  const reader = new ResultReader(bytes, images, segmentations);
  const c = reader.cursor;
  if (!c.take(0x5b)) return null;
  const out: Detection[] = [];
  if (!c.take(0x5d)) {
    do {
      const d = reader.result(out.length + 1);
      if (d === null) return null;
      out.push(d);
    } while (c.take(COMMA));
    if (!c.take(0x5d)) return null;
  }
  return c.atEnd() ? out : null;
}

class ResultReader {
  readonly cursor: JsonBytes;
  // The record being read.
  private maskH = 0;
  private maskW = 0;
  private maskStart = 0;
  private boxMode: boolean | null = null;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly images: ReadonlyMap<number, EvalImage>,
    private readonly segmentations: boolean,
  ) {
    this.cursor = new JsonBytes(bytes);
  }

  /** The next result, or null where it is not one of the plain kind. */
  result(id: number): Detection | null {
    const c = this.cursor;
    if (!c.take(0x7b)) return null;
    let seen = 0;
    let imageId: number | typeof NOT_PLAIN = NOT_PLAIN;
    let categoryId: number | typeof NOT_PLAIN = NOT_PLAIN;
    let score: number | typeof NOT_PLAIN = NOT_PLAIN;
    let bbox: Box | null = null;
    if (!c.take(0x7d)) {
      do {
        if (c.peek() !== QUOTE) return null;
        const key = c.key();
        if (key < 0 || !c.take(COLON)) return null;
        let field = 0;
        if (c.spells(key, 'image_id')) {
          field = IMAGE_ID;
          imageId = c.number();
        } else if (c.spells(key, 'category_id')) {
          field = CATEGORY_ID;
          categoryId = c.number();
        } else if (c.spells(key, 'score')) {
          field = SCORE;
          score = c.number();
        } else if (c.spells(key, 'bbox')) {
          field = BBOX;
          bbox = this.box();
          if (bbox === null) return null;
        } else if (c.spells(key, 'segmentation')) {
          field = SEGMENTATION;
          if (this.segmentations ? !this.mask() : !c.skipValue()) return null;
        } else if (!c.skipValue()) return null;
        if (seen & field) return null;
        seen |= field;
      } while (c.take(COMMA));
      if (!c.take(0x7d)) return null;
    }
    if (!Number.isSafeInteger(imageId) || !Number.isSafeInteger(categoryId) || typeof score !== 'number' || !Number.isFinite(score)) return null;
    const image = this.images.get(imageId as number);
    if (!image) return null;
    // As loadRes: the first result says whether results are boxes (then masks are optional) or masks.
    this.boxMode ??= bbox !== null;
    const imageNumber = imageId as number;
    const category = categoryId as number;
    if (this.boxMode) {
      if (bbox === null) return null;
      const area = bbox[2] * bbox[3];
      if (!this.segmentations) return { id, imageId: imageNumber, categoryId: category, score, bbox, area };
      const segmentation = seen & SEGMENTATION ? this.encodedMask(image) : boxPolygon(bbox);
      return segmentation && { id, imageId: imageNumber, categoryId: category, score, bbox, area, segmentation };
    }
    if (!this.segmentations || !(seen & SEGMENTATION)) return null;
    const segmentation = this.encodedMask(image);
    if (!segmentation) return null;
    return { id, imageId: imageNumber, categoryId: category, score, bbox: bbox ?? segmentation.rle.bbox, area: segmentation.rle.area, segmentation };
  }

  /** `[x, y, w, h]`: four finite numbers, w and h not negative. */
  private box(): Box | null {
    const c = this.cursor;
    if (!c.take(0x5b)) return null;
    const x = c.number();
    if (!c.take(COMMA)) return null;
    const y = c.number();
    if (!c.take(COMMA)) return null;
    const w = c.number();
    if (!c.take(COMMA)) return null;
    const h = c.number();
    if (!c.take(0x5d)) return null;
    if (x === NOT_PLAIN || y === NOT_PLAIN || w === NOT_PLAIN || h === NOT_PLAIN) return null;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(w) || !Number.isFinite(h) || w < 0 || h < 0) return null;
    return [x, y, w, h];
  }

  /** `{ "size": [h, w], "counts": "..." }`, the counts read once the record is read. */
  private mask(): boolean {
    const c = this.cursor;
    if (!c.take(0x7b)) return false;
    let seen = 0;
    do {
      if (c.peek() !== QUOTE) return false;
      const key = c.key();
      if (key < 0 || !c.take(COLON)) return false;
      let field = 0;
      if (c.spells(key, 'size')) {
        field = 1;
        if (!c.take(0x5b)) return false;
        const h = c.number();
        if (!c.take(COMMA)) return false;
        const w = c.number();
        if (!c.take(0x5d) || !Number.isSafeInteger(h) || !Number.isSafeInteger(w) || (h as number) < 0 || (w as number) < 0) return false;
        this.maskH = h as number;
        this.maskW = w as number;
      } else if (c.spells(key, 'counts')) {
        field = 2;
        if (c.peek() !== QUOTE) return false;
        this.maskStart = c.pos + 1;
        if (!c.skipString()) return false;
      } else if (!c.skipValue()) return false;
      if (seen & field) return false;
      seen |= field;
    } while (c.take(COMMA));
    return seen === 3 && c.take(0x7d);
  }

  /** The mask just read, when it covers its image exactly. */
  private encodedMask(image: EvalImage): (Segmentation & { kind: 'rle'; rle: EncodedRle }) | null {
    const h = this.maskH;
    const w = this.maskW;
    if ((image.height !== undefined && h !== image.height) || (image.width !== undefined && w !== image.width)) return null;
    const rle = EncodedRle.read(h, w, this.bytes, this.maskStart);
    return rle && { kind: 'rle', rle };
  }
}
