import { describe, expect, it } from 'vitest';
import { labelErrors } from '../../../../core/compare/labelErrors.js';
import { evaluatePair } from '../../../../core/compare/pairedImages.js';
import type { Box, Detection, GroundTruth } from '../../../../core/eval/types.js';

const PERSON = 1;
const CYCLIST = 2;
const gt = (id: number, categoryId: number, bbox: Box, iscrowd = false): GroundTruth => ({
  id,
  imageId: 1,
  categoryId,
  bbox,
  area: bbox[2] * bbox[3],
  iscrowd,
});
const dt = (id: number, score: number, bbox: Box, categoryId = PERSON): Detection => ({ id, imageId: 1, categoryId, score, bbox, area: bbox[2] * bbox[3] });

// One image. Ground truth: person g1 at the top left, a crowd region g2, cyclist g3, people g4 and g5 lower down.
//   [200, 0]: both models fire (0.9 and 0.7, same box), no one labelled: unlabelled, ranked 0.7, A's box.
//   inside the crowd region: both fire, but the crowd covers them: nothing.
//   on the cyclist g3: both fire "person" at 0.8: no person labelled there: unlabelled, ranked 0.8, A's box (tie).
//   [800, 0]: A fires at 0.95, B only at 0.4, under the confidence 0.5: nothing.
//   [0, 200] and [60, 200]: both fire, but the boxes agree at IoU 0.25 only: nothing.
//   g4: A's best box overlaps it 1/3, B's 1/3 (scores 0.9 and 0.6): loose, ranked 0.6.
//   g5: A's box overlaps it 1/3, but B's fits exactly: nothing.
//   g1: both find it: nothing.
const groundTruth = {
  images: [{ id: 1 }],
  categories: [{ id: PERSON }, { id: CYCLIST }],
  groundTruth: [
    gt(1, PERSON, [0, 0, 100, 100]),
    gt(2, PERSON, [500, 0, 200, 200], true),
    gt(3, CYCLIST, [300, 300, 100, 100]),
    gt(4, PERSON, [0, 400, 100, 100]),
    gt(5, PERSON, [0, 600, 100, 100]),
  ],
};
const a = [
  dt(1, 0.9, [0, 0, 100, 100]),
  dt(2, 0.9, [200, 0, 100, 100]),
  dt(3, 0.9, [520, 20, 50, 100]),
  dt(4, 0.8, [300, 300, 100, 100]),
  dt(5, 0.95, [800, 0, 100, 100]),
  dt(6, 0.6, [0, 200, 100, 100]),
  dt(7, 0.9, [50, 400, 100, 100]),
  dt(8, 0.8, [50, 600, 100, 100]),
];
const b = [
  dt(1, 0.9, [0, 0, 100, 100]),
  dt(2, 0.7, [200, 0, 100, 100]),
  dt(3, 0.9, [520, 20, 50, 100]),
  dt(4, 0.8, [300, 300, 100, 100]),
  dt(5, 0.4, [800, 0, 100, 100]),
  dt(6, 0.6, [60, 200, 100, 100]),
  dt(7, 0.6, [0, 450, 100, 100]),
  dt(8, 0.9, [0, 600, 100, 100]),
];
const { images } = evaluatePair(groundTruth, a, b);

describe('label-error triage', () => {
  it('lists unlabelled people and loose boxes, ranked by the lower of the two scores', () => {
    const cases = labelErrors(images);
    expect(cases.map((c) => [c.kind, c.rankScore, c.gtId, c.box])).toEqual([
      ['unlabelled', 0.8, null, [300, 300, 100, 100]],
      ['unlabelled', 0.7, null, [200, 0, 100, 100]],
      ['loose', 0.6, 4, [0, 400, 100, 100]],
    ]);
    expect(cases[1]).toMatchObject({
      imageId: 1,
      categoryId: PERSON,
      a: { detectionId: 2, score: 0.9, gtIou: 0 },
      b: { detectionId: 2, score: 0.7, gtIou: 0 },
      abIou: 1,
    });
    expect(cases[2].a).toMatchObject({ detectionId: 7, score: 0.9 });
    expect(cases[2].a.gtIou).toBeCloseTo(1 / 3, 12);
    expect(cases[2].b).toMatchObject({ detectionId: 7, score: 0.6 });
    expect(cases[2].abIou).toBeCloseTo(2500 / 17500, 12);
  });

  it('takes only detections at or above the confidence asked for', () => {
    expect(labelErrors(images, { minScore: 0.75 }).map((c) => c.rankScore)).toEqual([0.8]);
    // With 0.4 B's box at [800, 0] is confident too, and pairs with A's.
    expect(labelErrors(images, { minScore: 0.4 }).map((c) => c.rankScore)).toEqual([0.8, 0.7, 0.6, 0.4]);
  });
});
