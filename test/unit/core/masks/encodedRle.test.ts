import { describe, expect, it } from 'vitest';
import { seeded } from '../../../../bench/seeded.js';
import { decodeCountsBytes, decodedRle, EncodedRle } from '../../../../core/masks/encodedRle.js';
import { rleArea, rleToBbox, type Rle } from '../../../../core/masks/rle.js';
import { countsFromString, countsToString } from '../../../../core/masks/rleString.js';

/** The JSON string's bytes after its opening quote. */
const jsonBytes = (counts: string) => new TextEncoder().encode(JSON.stringify(counts).slice(1));

function encoded(h: number, w: number, counts: readonly number[]): EncodedRle | null {
  const bytes = jsonBytes(countsToString(counts));
  expect(decodeCountsBytes(bytes, 0, new Uint32Array(bytes.length))).toBe(counts.length);
  return EncodedRle.read(h, w, bytes, 0);
}

describe('EncodedRle', () => {
  it('has the area and box rleArea and rleToBbox give, and decodes to countsFromString counts', () => {
    const rand = seeded(7);
    for (let n = 0; n < 2000; n++) {
      const h = 1 + Math.floor(rand() * 40);
      const w = 1 + Math.floor(rand() * 40);
      const counts: number[] = [];
      let left = h * w;
      while (left > 0) {
        const run = rand() < 0.2 ? 0 : Math.min(left, Math.floor(rand() * rand() * 3 * h));
        counts.push(run);
        left -= run;
        if (counts.length > 400) break;
      }
      if (left > 0) counts.push(left);
      if (rand() < 0.3) counts.push(0);
      const rle = encoded(h, w, counts)!;
      const plain: Rle = { h, w, counts: countsFromString(countsToString(counts)) };
      expect([rle.area, rle.bbox]).toEqual([rleArea(plain), rleToBbox(plain)]);
      expect([...rle.counts]).toEqual([...plain.counts]);
      expect(decodedRle(rle)).toEqual(plain);
    }
  });

  it('covers exactly h×w pixels, or is not made', () => {
    expect(encoded(2, 3, [1, 2, 2])).toBeNull();
    expect(encoded(2, 3, [1, 2, 4])).toBeNull();
    expect(encoded(0, 3, [])?.bbox).toEqual([0, 0, 0, 0]);
    expect(encoded(2, 2, [0, 0, 4])?.bbox).toEqual(rleToBbox({ h: 2, w: 2, counts: Uint32Array.of(0, 0, 4) }));
  });

  it('reads what countsFromString reads, and refuses the rest', () => {
    const decode = (s: string) => decodeCountsBytes(jsonBytes(s), 0, new Uint32Array(64));
    expect(decode(countsToString([0xffffffff, 3, 0]))).toBe(3);
    for (const bad of ['\x2f', 'p', '"', 'P', countsToString([5, 3]).replace(/^./, '\\"'), 'PPPPPPPP0']) {
      expect(decode(bad), bad).toBe(-1);
      expect(EncodedRle.read(1, 8, jsonBytes(bad), 0), bad).toBeNull();
    }
    expect(() => countsFromString('P')).toThrow();
  });
});
