import { rleToBbox, type BoxTuple, type Rle } from './rle.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** 32^k for k = 0 .. 7: a count that fits 32 bits takes at most 7 characters. */
const GROUP = [1, 32, 1024, 32768, 1048576, 33554432, 1073741824, 34359738368];
const MAX_GROUPS = 7;

/**
 * Reads a compressed counts string (see rleString.ts) from `bytes[pos]`, the UTF-8 of a JSON string after its opening
 * quote, where a `\\` stands for one backslash.
 */
class CountsCursor {
  constructor(
    private readonly bytes: Uint8Array,
    private pos: number,
  ) {}

  /**
   * The next count as the string writes it (before adding the count two places earlier); -Infinity at the closing
   * quote; NaN where the string is not one `countsFromString` reads the same way: another escape, a character outside
   * the encoding, a count cut short, or one written in more than 7 characters.
   */
  next(): number {
    const bytes = this.bytes;
    let p = this.pos;
    let c = bytes[p];
    if (c === QUOTE) return -Infinity;
    let x = 0;
    for (let k = 0; ;) {
      if (c === BACKSLASH) {
        if (bytes[p + 1] !== BACKSLASH) return NaN;
        p++;
      }
      const code = c - 48;
      if (!(code >= 0 && code <= 63) || k === MAX_GROUPS) return NaN;
      x += (code & 0x1f) * GROUP[k];
      p++;
      k++;
      if ((code & 0x20) === 0) {
        if (code & 0x10) x -= GROUP[k];
        this.pos = p;
        return x;
      }
      c = bytes[p];
    }
  }
}

/**
 * Decodes the compressed counts string (see rleString.ts) that starts at `bytes[start]`, after a JSON string's
 * opening quote, into `out`, up to the closing quote. Returns how many counts it holds, or -1 where it is not a
 * string `countsFromString` reads the same way (see {@link CountsCursor.next}), a count is out of range, or `out` is full.
 */
export function decodeCountsBytes(bytes: Uint8Array, start: number, out: Uint32Array): number {
  const cursor = new CountsCursor(bytes, start);
  let m = 0;
  for (;;) {
    let x = cursor.next();
    if (x === -Infinity) return m;
    if (m > 2) x += out[m - 2];
    if (!(x >= 0 && x <= 0xffffffff) || m >= out.length) return -1;
    out[m++] = x;
  }
}

/**
 * A mask read from a file and kept there: the bytes of its compressed counts string, with its pixel count and
 * bounding box worked out once. `counts` decodes the string on each read, so masks that are never compared cost
 * no memory beyond the file.
 */
export class EncodedRle implements Rle {
  private constructor(
    readonly h: number,
    readonly w: number,
    private readonly bytes: Uint8Array,
    private readonly start: number,
    private readonly runs: number,
    /** Foreground pixels, as rleArea gives them. */
    readonly area: number,
    /** The foreground's bounding box, as rleToBbox gives it. */
    readonly bbox: BoxTuple,
  ) {}

  /**
   * The h×w mask whose compressed counts string starts at `bytes[start]` (after a JSON string's opening quote), in
   * one pass over it; null where {@link decodeCountsBytes} would refuse it or its counts do not cover h×w pixels.
   */
  static read(h: number, w: number, bytes: Uint8Array, start: number): EncodedRle | null {
    const cursor = new CountsCursor(bytes, start);
    let runs = 0;
    let before = 0; // the counts one and two places back
    let twoBack = 0;
    let sum = 0;
    let area = 0;
    let evenEnd = 0;
    let xs = w;
    let ys = h;
    let xe = 0;
    let ye = 0;
    // rleArea and rleToBbox together, a pair of runs at a time (rleToBbox leaves out an unpaired last run).
    // 0 <= t < 2^32, so t / h never rounds up to the next integer.
    for (; ; runs++) {
      let c = cursor.next();
      if (c === -Infinity) break;
      if (runs > 2) c += twoBack;
      if (!(c >= 0 && c <= 0xffffffff)) return null;
      twoBack = before;
      before = c;
      sum += c;
      if ((runs & 1) === 0) {
        evenEnd = sum;
        continue;
      }
      area += c;
      if (h === 0) continue;
      const y0 = evenEnd - Math.floor(evenEnd / h) * h;
      const x0 = (evenEnd - y0) / h;
      const t = sum - 1;
      const y1 = t >= 0 ? t - Math.floor(t / h) * h : t % h;
      const x1 = (t - y1) / h;
      if (x0 < xs) xs = x0;
      if (x0 > xe) xe = x0;
      if (y0 < ys) ys = y0;
      if (y0 > ye) ye = y0;
      if (x0 < x1) {
        ys = 0;
        ye = h - 1;
      }
      if (x1 < xs) xs = x1;
      if (x1 > xe) xe = x1;
      if (y1 < ys) ys = y1;
      if (y1 > ye) ye = y1;
    }
    if (sum !== h * w) return null;
    if (h === 0) {
      const counts = new Uint32Array(runs);
      decodeCountsBytes(bytes, start, counts);
      return new EncodedRle(h, w, bytes, start, runs, area, rleToBbox({ h, w, counts }));
    }
    const bbox: BoxTuple = runs < 2 ? [0, 0, 0, 0] : [xs, ys, xe - xs + 1, ye - ys + 1];
    return new EncodedRle(h, w, bytes, start, runs, area, bbox);
  }

  get counts(): Uint32Array {
    const out = new Uint32Array(this.runs);
    decodeCountsBytes(this.bytes, this.start, out);
    return out;
  }
}

/** The mask with its counts in memory: an {@link EncodedRle} decoded, any other as it is. */
export function decodedRle(rle: Rle): Rle {
  return rle instanceof EncodedRle ? { h: rle.h, w: rle.w, counts: rle.counts } : rle;
}
