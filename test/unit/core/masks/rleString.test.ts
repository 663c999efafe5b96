import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rleArea } from '../../../../core/masks/rle.js';
import { countsFromString, countsToString, rleFromCoco, rleToCoco } from '../../../../core/masks/rleString.js';
import { describeShared, hasShared, readSharedJson, sharedPath } from '../../../helpers/shared.js';

describe('compressed counts strings', () => {
  it('writes small counts as one character (value + 48) and deltas from the fourth count on', () => {
    expect(countsToString([5, 3])).toBe('53');
    // 40 needs two 5-bit groups: 8 | 0x20 -> 'X', then 1 -> '1'.
    expect(countsToString([40])).toBe('X1');
    // Index 3 is written as 7 - 3 = 4 and index 4 as 2 - 2 = 0.
    expect(countsToString([1, 3, 2, 7, 2])).toBe('13240');
    // Index 3: 7 - 2 = 5; index 4: 1 - 1 = 0; index 5: 1 - 7 = -6, which is 26 in 5 bits (sign bit set,
    // nothing more to write) -> 'J'.
    expect(countsToString([0, 2, 1, 7, 1, 1])).toBe('02150J');
  });

  it('reads what it writes, including large counts and negative deltas', () => {
    const cases = [[0], [307200], [12, 1, 640 * 480, 3, 0, 99999, 1, 2 ** 31, 5, 2 ** 32 - 1]];
    for (const counts of cases) expect(Array.from(countsFromString(countsToString(counts)))).toEqual(counts);
    expect(Array.from(countsFromString('02150J'))).toEqual([0, 2, 1, 7, 1, 1]);
  });

  it('rejects characters outside the encoding and a string cut inside a count', () => {
    expect(() => countsFromString('12 3')).toThrow(/invalid character " " at 2/);
    expect(() => countsFromString('5X')).toThrow(/ends inside a count/);
  });

  it('converts to and from the COCO object', () => {
    const rle = rleFromCoco([2, 3], '123');
    expect(rle).toEqual({ h: 2, w: 3, counts: Uint32Array.of(1, 2, 3) });
    expect(rleToCoco(rle)).toEqual({ size: [2, 3], counts: '123' });
  });
});

/** Every compressed RLE string in the shared cases, with its size. */
function sharedRleStrings(): { where: string; size: [number, number]; counts: string }[] {
  const out: { where: string; size: [number, number]; counts: string }[] = [];
  const add = (where: string, seg: unknown) => {
    if (seg && typeof seg === 'object' && !Array.isArray(seg) && typeof (seg as { counts: unknown }).counts === 'string') {
      const s = seg as { size: [number, number]; counts: string };
      out.push({ where, size: s.size, counts: s.counts });
    }
  };
  const fake = readSharedJson('data', 'coco_cases', 'cocoapi_fake100', 'instances_val2014_fakesegm100_results.json') as { segmentation: unknown }[];
  fake.forEach((d, i) => add(`fakesegm100[${i}]`, d.segmentation));
  for (const name of readdirSync(sharedPath('data', 'coco_cases', 'generated'))) {
    const gt = readSharedJson('data', 'coco_cases', 'generated', name, 'gt.json') as { annotations: { segmentation: unknown }[] };
    gt.annotations.forEach((a, i) => add(`${name}/gt[${i}]`, a.segmentation));
    const dt = readSharedJson('data', 'coco_cases', 'generated', name, 'dt_segm.json') as { segmentation: unknown }[];
    dt.forEach((d, i) => add(`${name}/dt[${i}]`, d.segmentation));
  }
  return out;
}

describeShared('RLE strings of ../shared/data/coco_cases', () => {
  it('round-trip byte for byte and cover exactly h×w pixels', () => {
    const strings = hasShared ? sharedRleStrings() : [];
    expect(strings.length).toBeGreaterThan(1000);
    for (const { where, size, counts } of strings) {
      const rle = rleFromCoco(size, counts);
      expect(rleToCoco(rle).counts, where).toBe(counts);
      expect(
        rle.counts.reduce((n, c) => n + c, 0),
        where,
      ).toBe(size[0] * size[1]);
      expect(rleArea(rle), where).toBeLessThanOrEqual(size[0] * size[1]);
    }
  });
});
