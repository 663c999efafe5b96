import type { Rle } from './rle.js';

/**
 * COCO's compressed counts string: each count (from index 3 on, the difference to the count two places
 * earlier) is written as a little-endian run of 5-bit groups with sign extension, one character per
 * group (value + 48, bit 0x20 meaning "more groups follow").
 */
export function countsToString(counts: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i];
    if (i > 2) x -= counts[i - 2];
    let more = true;
    while (more) {
      let c = x - Math.floor(x / 32) * 32;
      x = Math.floor(x / 32);
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      out += String.fromCharCode(c + 48);
    }
  }
  return out;
}

/** Parses a compressed counts string; throws on characters outside the encoding or a truncated count. */
export function countsFromString(s: string): Uint32Array {
  const counts = new Uint32Array(s.length);
  let m = 0;
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) throw new Error('RLE counts string ends inside a count');
      const code = s.charCodeAt(p) - 48;
      if (code < 0 || code > 63) {
        throw new Error(`RLE counts string has an invalid character ${JSON.stringify(s[p])} at ${p}`);
      }
      x += (code & 0x1f) * 2 ** (5 * k);
      more = (code & 0x20) !== 0;
      p++;
      k++;
      if (!more && code & 0x10) x -= 2 ** (5 * k);
    }
    if (m > 2) x += counts[m - 2];
    if (x < 0 || x > 0xffffffff) throw new Error(`RLE counts string decodes to an invalid count ${x} at ${m}`);
    counts[m++] = x;
  }
  return counts.slice(0, m);
}

/** The `{ size: [h, w], counts }` object COCO files store. */
export function rleToCoco(rle: Rle): { size: [number, number]; counts: string } {
  return { size: [rle.h, rle.w], counts: countsToString(rle.counts) };
}

export function rleFromCoco(size: readonly [number, number], counts: string): Rle {
  return { h: size[0], w: size[1], counts: countsFromString(counts) };
}
