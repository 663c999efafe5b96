import { describe, expect, it } from 'vitest';
import { pairedBootstrap, percentile, type BootstrapMetric } from '../../../../core/compare/bootstrap.js';
import { evaluatePair } from '../../../../core/compare/pairedImages.js';
import { ResampledStats } from '../../../../core/compare/resampledStats.js';
import { CocoEvaluator } from '../../../../core/eval/cocoEval.js';
import type { ParamsInput } from '../../../../core/eval/params.js';
import type { Detection, GroundTruth } from '../../../../core/eval/types.js';
import { syntheticPair, type SyntheticDetector } from '../../../../bench/eval/syntheticPair.js';

// Scores to one place make many ties, within an image and across images, which the order must get right.
const weak: SyntheticDetector = { recall: 0.6, jitter: 0.25, falseAlarms: 3, scorePlaces: 1 };
const strong: SyntheticDetector = { recall: 0.95, jitter: 0.08, falseAlarms: 1, scorePlaces: 2 };
const set = syntheticPair(7, 60, 4, weak, strong);

const AP = 0;
const AP50 = 1;
const AR100 = 8;

describe('stats of a resample, re-accumulated without matching', () => {
  for (const params of [{ iouType: 'bbox' }, { iouType: 'bbox', useCats: false }] as ParamsInput[]) {
    it(`equal the evaluator's, bit for bit, with every image once (useCats ${params.useCats ?? true})`, () => {
      const pair = evaluatePair(set.groundTruth, set.a, set.b, params);
      for (const [side, evaluator] of [
        ['a', pair.a],
        ['b', pair.b],
      ] as const) {
        const stats = new ResampledStats(
          pair.images.map((im) => im[side].result),
          evaluator.params,
        ).stats(new Uint32Array(pair.images.length).fill(1));
        const expected = evaluator.stats();
        expect(stats).toEqual({ AP: expected[AP], AP50: expected[AP50], AR100: expected[AR100] });
      }
    });
  }

  it('equal the evaluation of a set where each image is repeated as often as it is drawn', () => {
    const pair = evaluatePair(set.groundTruth, set.a, set.b);
    const counts = pair.images.map((_, i) => (i * 7) % 4); // 0, 3, 2, 1, 0, ...
    // Copy c of image i becomes image 10·i + c, so that the copies follow the original in evaluation order.
    const copies = <T extends GroundTruth | Detection>(anns: readonly T[]): T[] =>
      pair.images
        .flatMap((im, i) =>
          Array.from({ length: counts[i] }, (_, c) => anns.filter((x) => x.imageId === im.imageId).map((x) => ({ ...x, imageId: 10 * (i + 1) + c }))),
        )
        .flat();
    const images = pair.images.flatMap((_, i) => Array.from({ length: counts[i] }, (__, c) => ({ id: 10 * (i + 1) + c })));
    const renumber = <T extends { id: number }>(anns: T[]) => anns.map((x, n) => ({ ...x, id: n + 1 }));
    for (const side of ['a', 'b'] as const) {
      const repeated = new CocoEvaluator({
        images,
        categories: set.groundTruth.categories,
        groundTruth: renumber(copies(set.groundTruth.groundTruth)),
        detections: renumber(copies(set[side])),
      }).stats();
      const stats = new ResampledStats(
        pair.images.map((im) => im[side].result),
        pair[side].params,
      ).stats(Uint32Array.from(counts));
      expect(stats).toEqual({ AP: repeated[AP], AP50: repeated[AP50], AR100: repeated[AR100] });
    }
  });
});

describe('paired bootstrap of B − A', () => {
  const pair = evaluatePair(set.groundTruth, set.a, set.b);
  const a = pair.images.map((im) => im.a.result);
  const b = pair.images.map((im) => im.b.result);

  it('starts from the evaluators’ own differences and gives a fixed interval for a fixed seed', () => {
    const first = pairedBootstrap(a, b, pair.a.params, { seed: 42, resamples: 200 });
    const again = pairedBootstrap(a, b, pair.a.params, { seed: 42, resamples: 200 });
    expect(again).toEqual(first);
    const sa = pair.a.stats();
    const sb = pair.b.stats();
    expect(first.metrics.map((m) => [m.name, m.a, m.b, m.value])).toEqual([
      ['AP', sa[AP], sb[AP], sb[AP] - sa[AP]],
      ['AP50', sa[AP50], sb[AP50], sb[AP50] - sa[AP50]],
      ['AR100', sa[AR100], sb[AR100], sb[AR100] - sa[AR100]],
    ]);
    for (const m of first.metrics) {
      expect(m.definedResamples).toBe(200);
      expect(m.ci95![0]).toBeLessThanOrEqual(m.ci95![1]);
    }
    const other = pairedBootstrap(a, b, pair.a.params, { seed: 43, resamples: 200 });
    expect(other.metrics[0].ci95).not.toEqual(first.metrics[0].ci95);
  });

  it('resamples 1000 times by default and names the better model when the interval excludes 0', () => {
    const result = pairedBootstrap(a, b, pair.a.params);
    expect(result.resamples).toBe(1000);
    expect(result.metrics.map((m) => m.verdict)).toEqual(['bBetter', 'bBetter', 'bBetter']);
    expect(result.metrics[1].sentence).toBe('B is better on AP50');
    expect(result.sentence).toBe('B is better on AP, AP50 and AR100.');
    const swapped = pairedBootstrap(b, a, pair.a.params, { resamples: 100 });
    expect(swapped.sentence).toBe('A is better on AP, AP50 and AR100.');
  });

  it('calls a difference within noise when the models are the same, and takes further metrics', () => {
    // A metric where lower is better, the same for both models: within noise; and one only B defines.
    const flat: BootstrapMetric = { name: 'MR', higherIsBetter: false, value: (_, w) => w[0] / 10 };
    const onlyB: BootstrapMetric = { name: 'X', higherIsBetter: true, value: (model) => (model === 'b' ? 1 : NaN) };
    const result = pairedBootstrap(a, a, pair.a.params, { resamples: 50, extraMetrics: [flat, onlyB] });
    expect(result.metrics.map((m) => m.verdict)).toEqual(['withinNoise', 'withinNoise', 'withinNoise', 'withinNoise', 'undefined']);
    expect(result.metrics[0]).toMatchObject({ value: 0, ci95: [0, 0] });
    expect(result.metrics[4]).toMatchObject({ value: null, ci95: null, definedResamples: 0 });
    expect(result.sentence).toBe('The AP, AP50, AR100 and MR differences are within noise; X cannot be compared (no ground truth counts).');
  });

  it('flips the verdict of a metric where lower is better', () => {
    const missRate: BootstrapMetric = { name: 'MR', higherIsBetter: false, value: (model) => (model === 'b' ? 0.2 : 0.4) };
    const result = pairedBootstrap(a, b, pair.a.params, { resamples: 20, extraMetrics: [missRate] });
    expect(result.metrics[3]).toMatchObject({ verdict: 'bBetter', sentence: 'B is better on MR' });
  });

  it('reads percentiles as numpy does, interpolating between ranks', () => {
    const v = Float64Array.of(1, 2, 3, 4, 5);
    expect(percentile(v, 2.5)).toBeCloseTo(1.1, 12);
    expect(percentile(v, 97.5)).toBeCloseTo(4.9, 12);
    expect(percentile(Float64Array.of(3), 50)).toBe(3);
  });
});
