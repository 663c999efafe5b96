import { describe, expect, it } from 'vitest';
import { rleArea, rleDecode, rleEncode, rleFromColumnBand, rleIntersection, rleMerge, rleToBbox, type Rle } from '../../../../core/masks/rle.js';

/** A column-major mask from rows of '#' and '.'. */
function maskOf(rows: string[]): { mask: Uint8Array; h: number; w: number } {
  const h = rows.length;
  const w = rows[0].length;
  const mask = new Uint8Array(h * w);
  rows.forEach((row, y) => [...row].forEach((ch, x) => (mask[x * h + y] = ch === '#' ? 1 : 0)));
  return { mask, h, w };
}

function rleOf(rows: string[]): Rle {
  const { mask, h, w } = maskOf(rows);
  return rleEncode(mask, h, w);
}

function randomMask(seed: number, h: number, w: number, density: number): Uint8Array {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Uint8Array.from({ length: h * w }, () => (next() < density ? 1 : 0));
}

describe('rleEncode / rleDecode', () => {
  it('counts runs column by column, starting with zeros', () => {
    // Columns (top to bottom): x=0 "#..", x=1 "##.", x=2 "...".
    const rle = rleOf(['##.', '.#.', '...']);
    expect(Array.from(rle.counts)).toEqual([0, 1, 2, 2, 4]);
    expect([rle.h, rle.w]).toEqual([3, 3]);
  });

  it('gives a single zero run for an empty mask and [0, n] for a full one', () => {
    expect(Array.from(rleOf(['...', '...']).counts)).toEqual([6]);
    expect(Array.from(rleOf(['##', '##']).counts)).toEqual([0, 4]);
  });

  it('round-trips random masks and treats any non-zero value as foreground', () => {
    for (let seed = 1; seed < 20; seed++) {
      const mask = randomMask(seed, 7, 11, seed / 20);
      const rle = rleEncode(mask, 7, 11);
      expect(rleDecode(rle)).toEqual(mask);
      expect(rleArea(rle)).toBe(mask.reduce((n, v) => n + v, 0));
    }
    expect(Array.from(rleEncode([0, 5, 255, 0], 2, 2).counts)).toEqual([1, 2, 1]);
  });

  it('rejects a mask of the wrong length and counts that overflow the size', () => {
    expect(() => rleEncode([1, 0, 1], 2, 2)).toThrow(/3 values, expected 2×2/);
    expect(() => rleDecode({ h: 2, w: 2, counts: Uint32Array.of(1, 5) })).toThrow(/more than 2×2/);
  });
});

describe('rleToBbox', () => {
  it('is the tight box of the foreground', () => {
    expect(rleToBbox(rleOf(['....', '.##.', '.#..', '....']))).toEqual([1, 1, 2, 2]);
    expect(rleToBbox(rleOf(['#...', '....', '...#']))).toEqual([0, 0, 4, 3]);
  });

  it('is all zeros for an empty mask', () => {
    expect(rleToBbox(rleOf(['...', '...']))).toEqual([0, 0, 0, 0]);
  });

  it('spans the full height when a run wraps into the next column (maskApi behaviour)', () => {
    // Column 0 rows 2-3 and column 1 rows 0-1 form one run: x 0..1, and the box covers every row.
    expect(rleToBbox(rleOf(['.#', '.#', '#.', '#.']))).toEqual([0, 0, 2, 4]);
  });
});

describe('rleMerge and rleIntersection', () => {
  it('unions and intersects pixel for pixel', () => {
    for (let seed = 1; seed < 15; seed++) {
      const a = randomMask(seed, 6, 9, 0.4);
      const b = randomMask(seed + 100, 6, 9, 0.5);
      const c = randomMask(seed + 200, 6, 9, 0.6);
      const [ra, rb, rc] = [a, b, c].map((m) => rleEncode(m, 6, 9));
      expect(rleDecode(rleMerge([ra, rb, rc]))).toEqual(a.map((v, i) => v | b[i] | c[i]));
      const inter = rleMerge([ra, rb, rc], true);
      expect(rleDecode(inter)).toEqual(a.map((v, i) => v & b[i] & c[i]));
      expect(rleIntersection(ra, rb)).toBe(a.reduce((n, v, i) => n + (v & b[i]), 0));
      expect(rleMerge([ra, rb]).counts).toEqual(
        rleEncode(
          a.map((v, i) => v | b[i]),
          6,
          9,
        ).counts,
      );
    }
  });

  it('returns a copy of a single mask, an empty 0×0 mask for none, and refuses different sizes', () => {
    const one = rleOf(['#.', '.#']);
    expect(rleMerge([one])).toEqual(one);
    expect(rleMerge([one]).counts).not.toBe(one.counts);
    expect(rleMerge([])).toEqual({ h: 0, w: 0, counts: new Uint32Array(0) });
    expect(() => rleMerge([one, rleOf(['#..', '...'])])).toThrow(/mask 1 is 2×3, expected 2×2/);
  });
});

describe('rleFromColumnBand', () => {
  it('widens a band of columns to the full mask, the empty columns joining the runs of zeros', () => {
    const band = Uint8Array.of(0, 1, 1, 0); // two columns of two rows
    const rle = rleFromColumnBand(band, 2, 5, 2);
    expect(Array.from(rleDecode(rle))).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
    expect(Array.from(rleFromColumnBand(Uint8Array.of(0, 0), 2, 3, 1).counts)).toEqual([6]);
    expect(Array.from(rleFromColumnBand(Uint8Array.of(1, 1), 2, 2, 1).counts)).toEqual([2, 2]);
  });
});
