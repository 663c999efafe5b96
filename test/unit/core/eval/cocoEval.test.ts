import { describe, expect, it } from 'vitest';
import { Scene } from '../../../helpers/cocoFixtures.js';

// Stat positions: 0 AP, 1 AP50, 2 AP75, 3 APs, 4 APm, 5 APl, 6 AR1, 7 AR10, 8 AR100, 9 ARs, 10 ARm, 11 ARl.

/** pycocotools' precision after one true positive and no false one: 1 / (1 + eps), not 1. */
const ONE = 1 / (1 + 2.220446049250313e-16);

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]), `value ${i}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(1e-12));
}

describe('CocoEvaluator: pycocotools semantics on hand-made cases', () => {
  it('scores a perfect small detection 1, and -1 where an area range has no ground truth', () => {
    const s = new Scene().image(1);
    s.gt(1, [0, 0, 10, 10]);
    s.dt(1, [0, 0, 10, 10], 0.9);
    const stats = s.evaluate().stats();
    // numpy's mean of 1010 copies of 1 / (1 + eps) is 0.9999999999999998, of 101 copies 0.9999999999999999.
    expect(stats).toEqual([0.9999999999999998, 0.9999999999999999, 0.9999999999999999, 0.9999999999999998, -1, -1, 1, 1, 1, 1, -1, -1]);
  });

  it('gives precision exactly 1 once two true positives lead', () => {
    const s = new Scene().image(1);
    s.gt(1, [0, 0, 10, 10]);
    s.gt(1, [50, 50, 10, 10]);
    s.dt(1, [0, 0, 10, 10], 0.9);
    s.dt(1, [50, 50, 10, 10], 0.8);
    expect(s.evaluate().stats()[0]).toBe(1);
  });

  it('matches an IoU exactly equal to a threshold', () => {
    const at75 = new Scene().image(1);
    at75.gt(1, [0, 0, 10, 10]);
    at75.dt(1, [0, 0, 10, 7.5], 0.9); // IoU 75/100: matches at 0.50 ... 0.75, six thresholds of ten.
    const stats = at75.evaluate().stats();
    expectClose([stats[0], stats[1], stats[2], stats[8]], [0.6, 1, 1, 0.6]);

    const at50 = new Scene().image(1);
    at50.gt(1, [0, 0, 10, 10]);
    at50.dt(1, [0, 0, 20, 10], 0.9); // IoU 100/200
    const s50 = at50.evaluate().stats();
    expectClose([s50[0], s50[1], s50[2]], [0.1, ONE, 0]);
  });

  it('breaks score ties across images by image id', () => {
    const build = (gtImage: number, fpImage: number) => {
      const s = new Scene().image(1).image(2);
      s.gt(gtImage, [0, 0, 50, 50]);
      s.dt(gtImage, [0, 0, 50, 50], 0.9);
      s.dt(fpImage, [100, 100, 50, 50], 0.9);
      return s.evaluate().stats()[0];
    };
    expect(build(2, 1)).toBe(0.5); // the false positive (image 1) ranks first
    expect(build(1, 2)).toBe(ONE);
  });

  it('breaks score ties within an image by input order', () => {
    const build = (weakFirst: boolean) => {
      const s = new Scene().image(1);
      s.gt(1, [0, 0, 100, 100]);
      const weak = (): void => void s.dt(1, [0, 0, 100, 52], 0.9); // IoU 0.52
      const exact = (): void => void s.dt(1, [0, 0, 100, 100], 0.9);
      if (weakFirst) {
        weak();
        exact();
      } else {
        exact();
        weak();
      }
      return s.evaluate();
    };
    // Weak first: at 0.50 it takes the ground truth (AP 1); above, it is a false positive ahead of the
    // exact box (AP 0.5 at nine thresholds).
    expectClose([build(true).stats()[0]], [(ONE + 9 * 0.5) / 10]);
    expect(build(false).stats()[0]).toBe(ONE);
    const outcomes = build(true)
      .imageResult(1)
      .detections.map((d) => d.outcome.slice(0, 2));
    expect(outcomes).toEqual([
      ['tp', 'fp'],
      ['fp', 'tp'],
    ]);
  });

  it('lets a crowd region absorb any number of detections, which are then ignored', () => {
    const s = new Scene().image(1);
    s.gt(1, [0, 0, 10, 10]);
    const crowd = s.gt(1, [50, 50, 50, 50], { crowd: true });
    s.dt(1, [0, 0, 10, 10], 0.9);
    s.dt(1, [60, 60, 10, 10], 0.8);
    s.dt(1, [70, 70, 20, 20], 0.7);
    const ev = s.evaluate();
    expect(ev.stats()[0]).toBe(ONE);
    const result = ev.imageResult(1);
    expect(result.detections.map((d) => d.outcome[0])).toEqual(['tp', 'ignored', 'ignored']);
    expect(result.detections[2].matchedGtId[9]).toBe(crowd.id);
    expect(result.groundTruths.map((g) => g.outcome[0])).toEqual(['tp', 'ignored']);
    expect(result.groundTruths[1].matchedDtId[0]).toBe(3);
  });

  it('keeps a regular match rather than moving to an ignored ground truth, and falls back to it above', () => {
    const s = new Scene().image(1);
    s.gt(1, [0, 0, 10, 10]);
    s.gt(1, [0, 0, 100, 100], { crowd: true });
    s.dt(1, [0, 0, 10, 6], 0.9); // IoU 0.6 with the regular box (thresholds 0.50, 0.55, 0.60), 1 with the crowd
    const ev = s.evaluate();
    const d = ev.imageResult(1).detections[0];
    expect(d.outcome).toEqual(['tp', 'tp', 'tp', ...Array(7).fill('ignored')]);
    expect(d.matchedIou.slice(0, 4)).toEqual([0.6, 0.6, 0.6, 1]);
    expectClose([ev.stats()[0]], [0.3]);
  });

  it('counts an area of exactly 32² as small and medium, 96² as medium and large', () => {
    const s = new Scene().image(1, 400, 400);
    s.gt(1, [0, 0, 32, 32], { area: 1024 });
    s.gt(1, [200, 200, 96, 96], { area: 9216 });
    s.dt(1, [0, 0, 32, 32], 0.9);
    s.dt(1, [200, 200, 96, 96], 0.8);
    const st = s.evaluate().stats();
    expect([st[3], st[4], st[5], st[9], st[10], st[11]]).toEqual([ONE, 1, ONE, 1, 1, 1]);

    const just = new Scene().image(1, 400, 400);
    just.gt(1, [0, 0, 32, 32], { area: 1024.5 });
    just.dt(1, [0, 0, 32, 32], 0.9);
    const sj = just.evaluate().stats();
    expect([sj[3], sj[4], sj[5]]).toEqual([-1, ONE, -1]);
  });

  it('uses the ground truth area field for ranges, and ignores unmatched detections outside a range', () => {
    const s = new Scene().image(1, 400, 400);
    s.gt(1, [0, 0, 10, 10]);
    s.dt(1, [200, 200, 80, 80], 0.95); // unmatched, area 6400: a false positive for "all", ignored for "small"
    s.dt(1, [0, 0, 10, 10], 0.9);
    const st = s.evaluate().stats();
    expect(st[0]).toBe(0.5);
    expect(st[3]).toBe(ONE);
  });

  it('treats a match with ground-truth id 0 as no match (pycocotools records matches by id)', () => {
    const build = (id: number) => {
      const s = new Scene().image(1);
      s.gt(1, [0, 0, 10, 10], { id });
      s.dt(1, [0, 0, 10, 10], 0.9);
      return s.evaluate();
    };
    expect(build(1).stats()[0]).toBe(ONE);
    const zero = build(0);
    expect(zero.stats()[0]).toBe(0);
    expect(zero.stats()[8]).toBe(0);
    const d = zero.imageResult(1).detections[0];
    expect(d.outcome[0]).toBe('fp');
    expect(d.matchedGtId[0]).toBe(0);
  });

  it('evaluates only the best 100 detections of an image and category', () => {
    const s = new Scene().image(1, 2000, 2000);
    s.gt(1, [0, 0, 10, 10]);
    for (let i = 0; i < 99; i++) s.dt(1, [100 + 15 * (i % 100), 500, 10, 10], 0.9 - i * 0.001);
    s.dt(1, [0, 0, 10, 10], 0.5); // rank 100 of 150
    for (let i = 0; i < 50; i++) s.dt(1, [100 + 15 * i, 800, 10, 10], 0.4 - i * 0.001);
    const ev = s.evaluate();
    const st = ev.stats();
    expect([st[6], st[7], st[8]]).toEqual([0, 0, 1]);
    expect(st[0]).toBeCloseTo(0.01, 15);
    const outcomes = ev.imageResult(1).detections.map((d) => d.outcome[0]);
    expect(outcomes.filter((o) => o === 'unevaluated')).toHaveLength(50);
    expect(outcomes[99]).toBe('tp');

    s.dt(1, [0, 0, 10, 10], 0.45); // a second exact box, now at rank 100 after one dropped entry
    const capped = s.evaluate({ maxDets: [1, 10, 99] });
    expect(capped.stats()[8]).toBe(0);
  });

  it('leaves a category without ground truth out of the means', () => {
    const s = new Scene().image(1);
    s.categories = [{ id: 1 }, { id: 2 }];
    s.gt(1, [0, 0, 10, 10]);
    s.dt(1, [0, 0, 10, 10], 0.9);
    const before = s.evaluate().stats();
    s.dt(1, [50, 50, 10, 10], 0.99, { cat: 2 });
    s.dt(1, [0, 0, 10, 10], 0.98, { cat: 2 });
    const ev = s.evaluate();
    expect(ev.stats()).toEqual(before);
    const cats = ev.categoryResults();
    expect(cats.map((c) => [c.categoryId, c.numGt, c.numDt])).toEqual([
      [1, 1, 1],
      [2, 0, 2],
    ]);
    expectClose(
      cats.map((c) => c.ap),
      [1, -1],
    );
  });

  it('counts detections on images without ground truth as false positives', () => {
    const s = new Scene().image(1).image(2);
    s.gt(1, [0, 0, 10, 10]);
    s.dt(1, [0, 0, 10, 10], 0.9);
    s.dt(2, [0, 0, 10, 10], 0.95);
    expect(s.evaluate().stats()[0]).toBe(0.5);
  });

  it('pools categories when useCats is false', () => {
    const s = new Scene().image(1);
    s.categories = [{ id: 1 }, { id: 2 }];
    s.gt(1, [0, 0, 10, 10], { cat: 1 });
    s.dt(1, [0, 0, 10, 10], 0.9, { cat: 2 });
    expect(s.evaluate().stats()[0]).toBe(0);
    const pooled = s.evaluate({ useCats: false });
    expect(pooled.stats()[0]).toBe(ONE);
    expect(pooled.categoryResults()).toHaveLength(1);
  });

  it('takes custom thresholds, maxDets and image subsets', () => {
    const s = new Scene().image(1).image(2);
    s.gt(1, [0, 0, 10, 10]);
    s.dt(1, [0, 0, 10, 7.5], 0.9);
    s.gt(2, [0, 0, 10, 10]);
    const ev = s.evaluate({ iouThrs: [0.5, 0.8], maxDets: [100, 1, 10] });
    expect(ev.params.maxDets).toEqual([1, 10, 100]);
    const st = ev.stats();
    // Half the ground truth found at 0.5 (recall levels 0 ... 0.5, 51 of 101), none at 0.8.
    expectClose([st[0]], [(51 / 101) * ONE * 0.5]);
    expect(st[2]).toBe(-1); // 0.75 is not a threshold
    expectClose([s.evaluate({ imgIds: [1] }).stats()[1]], [1]);
    expect(() => s.evaluate({ imgIds: [3] })).toThrow(/image 3 is not among the images/);
    expect(() => s.evaluate({ iouThrs: [] })).toThrow(/iouThrs must not be empty/);
  });

  it('refuses annotations of unknown images', () => {
    const s = new Scene().image(1);
    s.dt(5, [0, 0, 1, 1], 0.5);
    expect(() => s.evaluate()).toThrow(/detection id 1: image 5 is not among the images/);
  });
});
