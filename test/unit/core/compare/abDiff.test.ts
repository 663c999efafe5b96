import { describe, expect, it } from 'vitest';
import { abDiff } from '../../../../core/compare/abDiff.js';
import { evaluatePair } from '../../../../core/compare/pairedImages.js';
import type { Box, Detection, GroundTruth } from '../../../../core/eval/types.js';

const PERSON = 1;
const CYCLIST = 2;
const gt = (id: number, imageId: number, categoryId: number, bbox: Box, iscrowd = false): GroundTruth => ({
  id,
  imageId,
  categoryId,
  bbox,
  area: bbox[2] * bbox[3],
  iscrowd,
});
const dt = (id: number, imageId: number, categoryId: number, score: number, bbox: Box): Detection => ({
  id,
  imageId,
  categoryId,
  score,
  bbox,
  area: bbox[2] * bbox[3],
});

// Image 1, people only. Ground truth g1, g2, g3, g4, g6 (100×100 boxes far apart) and a crowd region c5.
//   A: exact on g1 (0.9) and g2 (0.8); exact on g4 but at 0.2, under the score threshold 0.3; one box inside
//      the crowd region (ignored, no false alarm); a false alarm at x = 800 (0.6).
//   B: exact on g1 (0.9), g3 (0.85), g4 (0.95); a false alarm at x = 805, IoU 9500/10500 = 0.905 with A's,
//      so shared; a false alarm at x = 1000 that A has no box near (B's alone).
//   At score 0.3: g1 both, g2 A only, g3 and g4 B only, g6 neither; the crowd region is no one.
// Image 2, two categories. Person p7 at x = 0, cyclist c8 at x = 200.
//   A: a cyclist box on p7 (a false alarm: no cyclist there) and a cyclist box on c8 (found).
//   B: a person box on p7 (found), a second person box on p7 at 0.5 (a duplicate: false alarm), a person box
//      on c8 (a false alarm: no person there). A's cyclist alarm and B's duplicate lie on one box but are of
//      two categories, so neither is shared. p7: B only; c8: A only.
// Image 3, no ground truth. A: one false alarm; B: the same box (IoU 1, shared) and one shifted by 2 px
//   (IoU 0.85 with A's, but A's alarm is already paired with the exact one: B's alone).
const groundTruth = {
  images: [{ id: 1 }, { id: 2 }, { id: 3 }],
  categories: [{ id: PERSON }, { id: CYCLIST }],
  groundTruth: [
    gt(1, 1, PERSON, [0, 0, 100, 100]),
    gt(2, 1, PERSON, [200, 0, 100, 100]),
    gt(3, 1, PERSON, [400, 0, 100, 100]),
    gt(4, 1, PERSON, [600, 0, 100, 100]),
    gt(5, 1, PERSON, [0, 300, 300, 200], true),
    gt(6, 1, PERSON, [0, 600, 100, 100]),
    gt(7, 2, PERSON, [0, 0, 100, 100]),
    gt(8, 2, CYCLIST, [200, 0, 100, 100]),
  ],
};
const a = [
  dt(1, 1, PERSON, 0.9, [0, 0, 100, 100]),
  dt(2, 1, PERSON, 0.8, [200, 0, 100, 100]),
  dt(3, 1, PERSON, 0.2, [600, 0, 100, 100]),
  dt(4, 1, PERSON, 0.7, [10, 310, 50, 100]),
  dt(5, 1, PERSON, 0.6, [800, 0, 100, 100]),
  dt(6, 2, CYCLIST, 0.9, [0, 0, 100, 100]),
  dt(7, 2, CYCLIST, 0.8, [200, 0, 100, 100]),
  dt(8, 3, PERSON, 0.9, [0, 0, 50, 50]),
];
const b = [
  dt(1, 1, PERSON, 0.9, [0, 0, 100, 100]),
  dt(2, 1, PERSON, 0.85, [400, 0, 100, 100]),
  dt(3, 1, PERSON, 0.95, [600, 0, 100, 100]),
  dt(4, 1, PERSON, 0.5, [805, 0, 100, 100]),
  dt(5, 1, PERSON, 0.4, [1000, 0, 50, 50]),
  dt(6, 2, PERSON, 0.9, [0, 0, 100, 100]),
  dt(7, 2, PERSON, 0.5, [0, 0, 100, 100]),
  dt(8, 2, PERSON, 0.6, [200, 0, 100, 100]),
  dt(9, 3, PERSON, 0.8, [0, 0, 50, 50]),
  dt(10, 3, PERSON, 0.7, [2, 2, 50, 50]),
];
const { a: evaluator, images } = evaluatePair(groundTruth, a, b);
const iouThrs = evaluator.params.iouThrs;

describe('A/B diff, person by person', () => {
  const diff = abDiff(images, { iouThrs, iouThr: 0.5, scoreThreshold: 0.3 });

  it('sorts every counted person into found by both, by one, or by neither', () => {
    expect(diff.instances).toEqual({ both: 1, aOnly: 2, bOnly: 3, neither: 1 });
    expect(diff.instanceCases).toEqual([
      { imageId: 1, kind: 'both', gtId: 1 },
      { imageId: 1, kind: 'aOnly', gtId: 2 },
      { imageId: 1, kind: 'bOnly', gtId: 3 },
      { imageId: 1, kind: 'bOnly', gtId: 4 },
      { imageId: 1, kind: 'neither', gtId: 6 },
      { imageId: 2, kind: 'bOnly', gtId: 7 },
      { imageId: 2, kind: 'aOnly', gtId: 8 },
    ]);
  });

  it('sorts every false alarm into one model’s alone or shared on the same spot', () => {
    expect(diff.falseAlarms).toEqual({ aOnly: 1, bOnly: 4, shared: 2 });
    expect(diff.falseAlarmCases).toEqual([
      { imageId: 1, kind: 'shared', aDetectionId: 5, bDetectionId: 4 },
      { imageId: 1, kind: 'bOnly', aDetectionId: null, bDetectionId: 5 },
      { imageId: 2, kind: 'aOnly', aDetectionId: 6, bDetectionId: null },
      { imageId: 2, kind: 'bOnly', aDetectionId: null, bDetectionId: 7 },
      { imageId: 2, kind: 'bOnly', aDetectionId: null, bDetectionId: 8 },
      { imageId: 3, kind: 'shared', aDetectionId: 8, bDetectionId: 9 },
      { imageId: 3, kind: 'bOnly', aDetectionId: null, bDetectionId: 10 },
    ]);
  });

  it('counts the person a low score hid once the threshold lets it through', () => {
    const all = abDiff(images, { iouThrs, iouThr: 0.5, scoreThreshold: 0 });
    expect(all.instances).toEqual({ both: 2, aOnly: 2, bOnly: 2, neither: 1 });
    expect(all.instanceCases.find((c) => c.gtId === 4)?.kind).toBe('both');
    expect(all.falseAlarms).toEqual(diff.falseAlarms);
  });

  it('takes each model at its own score threshold when given two', () => {
    // One threshold for both is the same as the pair of it; lowering only one model's threshold changes only
    // what that model keeps.
    expect(abDiff(images, { iouThrs, iouThr: 0.5, scoreThreshold: [0.3, 0.3] })).toEqual(diff);
    const bothLow = abDiff(images, { iouThrs, iouThr: 0.5, scoreThreshold: 0 });
    const aLow = abDiff(images, { iouThrs, iouThr: 0.5, scoreThreshold: [0, 0.3] });
    const bLow = abDiff(images, { iouThrs, iouThr: 0.5, scoreThreshold: [0.3, 0] });
    const kindOf = (d: typeof diff, gtId: number) => d.instanceCases.find((c) => c.gtId === gtId)?.kind;
    for (const c of bothLow.instanceCases) {
      const found = (k: string | undefined) => ({ a: k === 'both' || k === 'aOnly', b: k === 'both' || k === 'bOnly' });
      expect(found(kindOf(aLow, c.gtId)).a).toBe(found(c.kind).a);
      expect(found(kindOf(aLow, c.gtId)).b).toBe(found(kindOf(diff, c.gtId)).b);
      expect(found(kindOf(bLow, c.gtId)).b).toBe(found(c.kind).b);
      expect(found(kindOf(bLow, c.gtId)).a).toBe(found(kindOf(diff, c.gtId)).a);
    }
  });

  it('does not share alarms that overlap less than the IoU threshold asks', () => {
    // At 0.95 the boxes 5 px apart (IoU 0.905) and 2 px apart are two alarms each; the exact pair stays shared.
    const strict = abDiff(images, { iouThrs, iouThr: 0.95, scoreThreshold: 0.3 });
    expect(strict.falseAlarms).toEqual({ aOnly: 2, bOnly: 5, shared: 1 });
  });

  it('refuses an IoU threshold the evaluation did not match at', () => {
    expect(() => abDiff(images, { iouThrs, iouThr: 0.42, scoreThreshold: 0 })).toThrow(/0.42 is not one of/);
  });
});
