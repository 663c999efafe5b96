import { describe, expect, it } from 'vitest';
import { operatingPoint } from '../../../../core/eval/curves.js';
import { randomScene, Scene } from '../../../helpers/cocoFixtures.js';

/** Three people; detections scored .9 (hit), .8 (miss), .7 (hit), .6 (miss), and one on a crowd region. */
function scene(): Scene {
  const s = new Scene().image(1, 400, 400);
  s.gt(1, [0, 0, 40, 40]);
  s.gt(1, [100, 0, 40, 40]);
  s.gt(1, [200, 0, 40, 40]);
  s.gt(1, [0, 200, 100, 100], { crowd: true });
  s.dt(1, [0, 0, 40, 40], 0.9);
  s.dt(1, [300, 300, 40, 40], 0.8);
  s.dt(1, [100, 0, 40, 40], 0.7);
  s.dt(1, [20, 220, 40, 40], 0.65); // inside the crowd region: ignored
  s.dt(1, [300, 100, 40, 40], 0.6);
  return s;
}

describe('prCurve and operatingPoint', () => {
  it('lists the detections that count with cumulative true and false positives', () => {
    const curve = scene().evaluate().prCurve({ iouThr: 0.5 });
    expect(curve.numGt).toBe(3);
    expect(Array.from(curve.scores)).toEqual([0.9, 0.8, 0.7, 0.6]);
    expect(Array.from(curve.tp)).toEqual([1, 1, 2, 2]);
    expect(Array.from(curve.fp)).toEqual([0, 1, 1, 2]);
    expect(Array.from(curve.precision)).toEqual([1, 0.5, 2 / 3, 0.5]);
    expect(Array.from(curve.recall)).toEqual([1 / 3, 1 / 3, 2 / 3, 2 / 3]);
  });

  it('gives precision, recall and F1 from the raw counts at a score threshold', () => {
    const curve = scene().evaluate().prCurve();
    expect(operatingPoint(curve, 0.75)).toEqual({
      scoreThreshold: 0.75,
      tp: 1,
      fp: 1,
      fn: 2,
      precision: 0.5,
      recall: 1 / 3,
      f1: (2 * 0.5 * (1 / 3)) / (0.5 + 1 / 3),
    });
    const at07 = operatingPoint(curve, 0.7); // inclusive
    expect([at07.tp, at07.fp, at07.precision, at07.recall]).toEqual([2, 1, 2 / 3, 2 / 3]);
    expect(at07.f1).toBeCloseTo(2 / 3, 15);
    expect(operatingPoint(curve, 0)).toMatchObject({ tp: 2, fp: 2, fn: 1, precision: 0.5 });
    expect(operatingPoint(curve, 0.95)).toEqual({ scoreThreshold: 0.95, tp: 0, fp: 0, fn: 3, precision: 0, recall: 0, f1: 0 });
  });

  it('differs from the interpolated curve, which carries the best later precision back', () => {
    const ev = scene().evaluate();
    const curve = ev.prCurve();
    const { R, K, A, M } = ev.accumulate().dims;
    // Recall up to 1/3 is reached at the first detection (precision 1) and kept through the second, whose
    // raw precision is 0.5; recall 0.34 needs the third detection (precision 2/3); 0.67 is never reached.
    expect(curve.precision[1]).toBe(0.5);
    expect(curve.interpolated[33]).toBeCloseTo(1, 12);
    expect(curve.interpolated[34]).toBeCloseTo(2 / 3, 12);
    expect(curve.interpolated[67]).toBe(0);
    expect(Array.from(curve.interpolated)).toEqual(Array.from({ length: R }, (_, r) => ev.accumulate().precision[((r * K + 0) * A + 0) * M + M - 1]));
  });

  it('gives one curve per IoU threshold, and checks its options', () => {
    const ev = scene().evaluate();
    const curves = ev.prCurves();
    expect(curves.map((c) => c.iouThr)).toEqual(ev.params.iouThrs);
    expect(() => ev.prCurve({ iouThr: 0.42 })).toThrow(/not one of params.iouThrs/);
    expect(() => ev.prCurve({ area: 'huge' })).toThrow(/not one of params.areaRngLbl/);
    expect(() => ev.prCurve({ categoryId: 7 })).toThrow(/category 7 is not evaluated/);
  });

  it('pools categories in score order, interpolated as the mean over categories with ground truth', () => {
    const s = randomScene(11, 20);
    const ev = s.evaluate();
    const all = ev.prCurve();
    const parts = ev.categoryIds.map((categoryId) => ev.prCurve({ categoryId }));
    expect(all.numGt).toBe(parts.reduce((n, c) => n + c.numGt, 0));
    expect(all.scores.length).toBe(parts.reduce((n, c) => n + c.scores.length, 0));
    expect(all.tp[all.tp.length - 1]).toBe(parts.reduce((n, c) => n + (c.tp.length ? c.tp[c.tp.length - 1] : 0), 0));
    for (let i = 1; i < all.scores.length; i++) expect(all.scores[i]).toBeLessThanOrEqual(all.scores[i - 1]);
    const withGt = parts.filter((c) => c.numGt > 0);
    expect(all.interpolated[50]).toBeCloseTo(withGt.reduce((x, c) => x + c.interpolated[50], 0) / withGt.length, 12);
  });
});
