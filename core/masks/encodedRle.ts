import { rleArea, rleToBbox, type BoxTuple, type Rle } from './rle.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** 32^k for k = 0 .. 6: a count that fits 32 bits takes at most 7 characters. */
const GROUP = [1, 32, 1024, 32768, 1048576, 33554432, 1073741824, 34359738368];
const MAX_GROUPS = 7;

/**
 * Decodes the compressed counts string (see rleString.ts) that starts at `bytes[start]`, the UTF-8 of a JSON string
 * after its opening quote, into `out`, up to the closing quote; a JSON `\\` stands for one backslash. Returns how
 * many counts it holds, or -1 where the string is not one `countsFromString` reads the same way: another escape,
 * a character outside the encoding, a count cut short or out of range, one written in more than 7 characters, or
 * more counts than `out` holds.
 */
export function decodeCountsBytes(bytes: Uint8Array, start: number, out: Uint32Array): number {
  let p = start;
  let m = 0;
  for (;;) {
    let c = bytes[p];
    if (c === QUOTE) break;
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (c === BACKSLASH) {
        if (bytes[p + 1] !== BACKSLASH) return -1;
        p++;
      } else if (c === QUOTE || c === undefined) return -1;
      const code = c - 48;
      if (code < 0 || code > 63 || k === MAX_GROUPS) return -1;
      x += (code & 0x1f) * GROUP[k];
      more = (code & 0x20) !== 0;
      p++;
      k++;
      if (!more && code & 0x10) x -= GROUP[k];
      if (more) c = bytes[p];
    }
    if (m > 2) x += out[m - 2];
    if (x < 0 || x > 0xffffffff || m >= out.length) return -1;
    out[m++] = x;
  }
  return m;
}

/**
 * A mask read from a file and kept there: the bytes of its compressed counts string, with its pixel count and
 * bounding box worked out once. `counts` decodes the string on each read, so masks that are never compared cost
 * no memory beyond the file.
 */
export class EncodedRle implements Rle {
  readonly area: number;
  readonly bbox: BoxTuple;

  /** `decoded` is the string's counts, as {@link decodeCountsBytes} gave them; `runs` how many. */
  constructor(
    readonly h: number,
    readonly w: number,
    private readonly bytes: Uint8Array,
    private readonly start: number,
    private readonly runs: number,
    decoded: Uint32Array,
  ) {
    const view: Rle = { h, w, counts: decoded.subarray(0, runs) };
    this.area = rleArea(view);
    this.bbox = rleToBbox(view);
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
