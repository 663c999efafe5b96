import { describe, expect, it } from 'vitest';
import { Scene } from '../../../helpers/cocoFixtures.js';

const ONE = 1 / (1 + 2.220446049250313e-16);

describe('imageSummaries', () => {
  it('gives per-image AP and counts for ranking images', () => {
    const s = new Scene().image(1).image(2).image(3);
    s.gt(1, [0, 0, 10, 10]);
    s.dt(1, [0, 0, 10, 10], 0.9);
    s.gt(2, [0, 0, 10, 10]);
    s.gt(2, [50, 50, 10, 10]);
    s.dt(2, [100, 100, 10, 10], 0.9);
    s.dt(2, [0, 0, 10, 10], 0.8);
    s.dt(3, [0, 0, 10, 10], 0.8);
    const rows = s.evaluate().imageSummaries();
    expect(rows.map((r) => r.imageId)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ numGt: 1, numDt: 1, tp: Array(10).fill(1), fp: Array(10).fill(0), fn: Array(10).fill(0) });
    expect(rows[0].ap).toBeCloseTo(ONE, 15);
    // Image 2: a false positive, then one of two found: precision 1/2 up to recall 1/2.
    expect(rows[1].ap).toBeCloseTo((0.5 * 51) / 101, 15);
    expect(rows[1]).toMatchObject({ numGt: 2, numDt: 2, tp: Array(10).fill(1), fp: Array(10).fill(1), fn: Array(10).fill(1) });
    expect(rows[2]).toMatchObject({ ap: -1, ap50: -1, numGt: 0, numDt: 1, fp: Array(10).fill(1) });
  });
  it('summarises one image alone as its entry of the whole list, also after an edit', () => {
    const s = new Scene().image(1).image(2);
    s.gt(1, [0, 0, 10, 10]);
    s.dt(1, [0, 0, 10, 10], 0.9);
    s.gt(2, [0, 0, 10, 10]);
    s.dt(2, [2, 0, 10, 10], 0.8);
    const ev = s.evaluate();
    expect([ev.imageSummary(1), ev.imageSummary(2)]).toEqual(ev.imageSummaries());
    ev.setGroundTruth(2, []);
    expect(ev.imageSummary(2)).toEqual(ev.imageSummaries()[1]);
    expect(ev.imageSummary(2)).toMatchObject({ ap: -1, numGt: 0 });
  });
});
