import { describe, expect, it } from 'vitest';
import type { Box } from '../../../../core/eval/types.js';
import { matchImage, overlap, type MissRateDetection } from '../../../../core/eval/missRate/imageMatching.js';
import type { PedestrianGroundTruth } from '../../../../core/eval/missRate/missRateGroundTruth.js';
import { MISS_RATE_SETUPS, type MissRateSetupName } from '../../../../core/eval/missRate/setups.js';

// Matching within one image, by hand. Boxes are [x, y, w, h]; a 50 × 100 box is a reasonable pedestrian.

const at0: Box = [0, 0, 50, 100];

const setup = (name: MissRateSetupName) => MISS_RATE_SETUPS.find((s) => s.name === name)!;

function gt(id: number, bbox: Box, extra: Partial<PedestrianGroundTruth> = {}): PedestrianGroundTruth {
  return { id, imageId: 1, categoryId: 1, bbox, height: bbox[3], visibility: 1, ignore: false, ...extra };
}

function dt(bbox: Box, score: number): MissRateDetection {
  return { imageId: 1, categoryId: 1, bbox, score };
}

describe('miss rate: overlap', () => {
  it('is IoU for a regular ground truth and intersection over the detection area for an ignored one', () => {
    // Detection 50 × 100 at x 50, ground truth 100 × 100 at 0: intersection 50 × 100 = 5000.
    expect(overlap([50, 0, 50, 100], [0, 0, 100, 100], false)).toBe(5000 / (5000 + 10000 - 5000));
    expect(overlap([50, 0, 50, 100], [0, 0, 100, 100], true)).toBe(1);
    // Touching edges: an intersection of width 0 is no overlap.
    expect(overlap([100, 0, 50, 100], [0, 0, 100, 100], true)).toBe(0);
    expect(overlap([0, 100, 50, 100], [0, 0, 100, 100], true)).toBe(0);
  });
});

describe('miss rate: matching in one image', () => {
  it('lets one ignored ground truth absorb several detections, none of them false positives', () => {
    // An ignored region 200 × 200 holds three detections 40 × 100. Their IoU with it is 4000 / 40000 = 0.1,
    // but over the detection's area the overlap is 1: all three are ignored.
    const region = gt(1, [0, 0, 200, 200], { ignore: true });
    const dts = [dt([10, 10, 40, 100], 0.9), dt([60, 10, 40, 100], 0.8), dt([110, 10, 40, 100], 0.7)];
    const m = matchImage([region, gt(2, [300, 0, 50, 100])], [...dts, dt([300, 0, 50, 100], 0.6)], setup('reasonable'));
    expect(m.outcomes).toEqual(['ignored', 'ignored', 'ignored', 'true-positive']);
    expect(m).toMatchObject({ groundTruths: 1, ignoredGroundTruths: 1 });
  });

  it('absorbs a detection half inside an ignored region (0.5 reaches the threshold) but not one less than half', () => {
    // Region [0, 0, 100, 100]; detections 100 × 100 at x 50 (5000 / 10000 inside) and x 51 (4900 / 10000).
    const m = matchImage([gt(1, [0, 0, 100, 100], { ignore: true })], [dt([50, 0, 100, 100], 0.9), dt([51, 0, 100, 100], 0.8)], setup('reasonable'));
    expect(m.outcomes).toEqual(['ignored', 'false-positive']);
  });

  it('matches an IoU of exactly 0.5', () => {
    // Ground truth 50 × 100, detection its top half 50 × 50 (height 50 ≥ 40 is kept): IoU 2500 / 5000.
    expect(matchImage([gt(1, [0, 0, 50, 100])], [dt([0, 0, 50, 50], 0.9)], setup('reasonable')).outcomes).toEqual(['true-positive']);
  });

  it('puts ignored ground truths last and stops at the first of them once a regular one is held', () => {
    // The ignored ground truth comes first in the file and covers the detection fully (overlap 1); the regular
    // one has IoU 4500 / 5500 ≈ 0.82. Walked ignored-last, the regular one is held and the walk stops at the
    // ignored one: a true positive. In file order, or without the stop, the ignored one (1 ≥ 0.82) would take it.
    const ignoredFirst = gt(1, [0, 0, 50, 100], { ignore: true });
    const regular = gt(2, [0, 10, 50, 100]);
    expect(overlap([0, 0, 50, 100], regular.bbox, false)).toBe(4500 / 5500);
    const m = matchImage([ignoredFirst, regular], [dt([0, 0, 50, 100], 0.9)], setup('reasonable'));
    expect(m.outcomes).toEqual(['true-positive']);
  });

  it('gives a tie between two regular ground truths to the later one', () => {
    // d1 [10, 0, 50, 100] has IoU 4000 / 6000 with both g1 [0, 0, …] and g2 [20, 0, …]: the later, g2, holds it.
    // d2 [-5, 0, 50, 100] overlaps g1 by 4500 / 5500 and g2 by 2500 / 7500 (< 0.5): it gets g1, free.
    // Had d1 taken g1, d2 would be a false positive.
    const m = matchImage([gt(1, [0, 0, 50, 100]), gt(2, [20, 0, 50, 100])], [dt([10, 0, 50, 100], 0.9), dt([-5, 0, 50, 100], 0.8)], setup('reasonable'));
    expect(m.outcomes).toEqual(['true-positive', 'true-positive']);
  });

  it('keeps a matched regular ground truth for its first detection: a duplicate is a false positive', () => {
    const m = matchImage([gt(1, at0)], [dt(at0, 0.8), dt(at0, 0.9)], setup('reasonable'));
    // Highest score first: the 0.9 detection takes it.
    expect(m.scores).toEqual([0.9, 0.8]);
    expect(m.outcomes).toEqual(['true-positive', 'false-positive']);
  });

  it('counts a detection held by a ground truth with id 0 as a false positive, and still uses that ground truth up', () => {
    // The evaluator records the match as the id, 0, which reads as "no match"; the ground truth still counts
    // among those to find, and a second detection on it finds it taken.
    const m = matchImage([gt(0, at0), gt(5, [200, 0, 50, 100])], [dt(at0, 0.9), dt(at0, 0.8), dt([200, 0, 50, 100], 0.7)], setup('reasonable'));
    expect(m.outcomes).toEqual(['false-positive', 'false-positive', 'true-positive']);
    expect(m.groundTruths).toBe(2);
  });

  it("uses the setup's ignore flag in the overlap too, and recomputes it for every setup", () => {
    // A ground truth 100 × 200 with visibility 0.3: ignored in Reasonable (< 0.65), regular in heavy occlusion.
    // The detection 50 × 100 inside it: over its own area 1 (absorbed), IoU 5000 / 20000 = 0.25 (a false positive).
    const occluded = gt(1, [0, 0, 100, 200], { visibility: 0.3 });
    const d = dt([0, 0, 50, 100], 0.9);
    expect(matchImage([occluded], [d], setup('reasonable'))).toMatchObject({ outcomes: ['ignored'], groundTruths: 0, ignoredGroundTruths: 1 });
    expect(matchImage([occluded], [d], setup('heavy'))).toMatchObject({ outcomes: ['false-positive'], groundTruths: 1, ignoredGroundTruths: 0 });
  });

  it('ignores ground truths outside the inclusive height and visibility ranges, and those flagged ignore', () => {
    const cases: [Partial<PedestrianGroundTruth>, MissRateSetupName, boolean][] = [
      [{ height: 50 }, 'reasonable', false],
      [{ height: 49.99 }, 'reasonable', true],
      [{ height: 75 }, 'small', false],
      [{ height: 75.01 }, 'small', true],
      [{ visibility: 0.65 }, 'reasonable', false],
      [{ visibility: 0.649 }, 'reasonable', true],
      [{ visibility: 0.65 }, 'heavy', false],
      [{ visibility: 0.651 }, 'heavy', true],
      [{ visibility: 0.2 }, 'all', false],
      [{ visibility: 0.19 }, 'all', true],
      [{ height: 20 }, 'all', false],
      [{ ignore: true }, 'all', true],
    ];
    for (const [extra, name, ignored] of cases) {
      const m = matchImage([gt(1, at0, extra)], [], setup(name));
      expect(m.ignoredGroundTruths, `${JSON.stringify(extra)} in ${name}`).toBe(ignored ? 1 : 0);
    }
  });
});

describe('miss rate: which detections take part', () => {
  it('keeps detections within [low / 1.25, high × 1.25) of the setup height range', () => {
    // Small: heights [50, 75], so detections from 40 up to, not including, 93.75. All are false positives here.
    const heights = [39.99, 40, 93.74, 93.75];
    const dts = heights.map((h, i) => dt([1000 + 100 * i, 0, 30, h], 0.9 - i / 10));
    const m = matchImage([gt(1, [0, 0, 30, 60])], dts, setup('small'));
    expect(m.scores).toEqual([0.8, 0.7]);
    expect(m.outcomes).toEqual(['false-positive', 'false-positive']);
  });

  it('cuts to the 1000 highest scores BEFORE the height filter', () => {
    // 1000 detections too short for Reasonable (height 10 < 40) outscore the one that would find the
    // pedestrian: the cut leaves only the short ones, the filter then removes them, and nothing is found.
    const short = Array.from({ length: 1000 }, (_, i) => dt([1000 + i, 0, 10, 10], 0.9));
    const m = matchImage([gt(1, at0)], [...short, dt(at0, 0.5)], setup('reasonable'));
    expect(m.outcomes).toEqual([]);
    // With one short detection fewer, the 1000 include the good one.
    const m999 = matchImage([gt(1, at0)], [...short.slice(1), dt(at0, 0.5)], setup('reasonable'));
    expect(m999.outcomes).toEqual(['true-positive']);
  });

  it('orders equal scores in input order', () => {
    // Equal scores: one detection falls in an ignored region, the other finds the pedestrian; the order of the
    // outcomes is the order the two were given in.
    const gts = [gt(1, at0), gt(2, [500, 0, 100, 100], { ignore: true })];
    const inRegion = dt([500, 0, 50, 100], 0.5);
    const onPedestrian = dt(at0, 0.5);
    expect(matchImage(gts, [inRegion, onPedestrian], setup('reasonable')).outcomes).toEqual(['ignored', 'true-positive']);
    expect(matchImage(gts, [onPedestrian, inRegion], setup('reasonable')).outcomes).toEqual(['true-positive', 'ignored']);
  });
});
