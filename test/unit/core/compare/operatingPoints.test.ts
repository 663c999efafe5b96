import { describe, expect, it } from 'vitest';
import { operatingPoints } from '../../../../core/compare/operatingPoints.js';
import { CocoEvaluator } from '../../../../core/eval/cocoEval.js';
import type { Box, Detection, GroundTruth } from '../../../../core/eval/types.js';

const gt = (id: number, imageId: number, bbox: Box, iscrowd = false): GroundTruth => ({ id, imageId, categoryId: 1, bbox, area: bbox[2] * bbox[3], iscrowd });
const dt = (id: number, imageId: number, score: number, bbox: Box): Detection => ({ id, imageId, categoryId: 1, score, bbox, area: bbox[2] * bbox[3] });

// Two images, three people (g1, g2 on image 1; g3 on image 2). Best score first: TP, FP, TP, FP, TP, FP.
//   keep ≥ 0.9: tp 1 fp 0, P 1,   R 1/3, F1 0.5
//   keep ≥ 0.8: tp 1 fp 1, P 1/2, R 1/3, F1 0.4
//   keep ≥ 0.7: tp 2 fp 1, P 2/3, R 2/3, F1 2/3
//   keep ≥ 0.6: tp 2 fp 2, P 1/2, R 2/3, F1 4/7
//   keep ≥ 0.5: tp 3 fp 2, P 3/5, R 1,   F1 3/4   <- best F1
//   keep ≥ 0.4: tp 3 fp 3, P 1/2, R 1,   F1 2/3
// A box on a crowd region (0.85) is ignored: neither a hit nor a false alarm.
const input = {
  images: [{ id: 1 }, { id: 2 }],
  categories: [{ id: 1 }],
  groundTruth: [gt(1, 1, [0, 0, 100, 100]), gt(2, 1, [200, 0, 100, 100]), gt(3, 2, [0, 0, 100, 100]), gt(4, 2, [300, 300, 200, 200], true)],
  detections: [
    dt(1, 1, 0.9, [0, 0, 100, 100]),
    dt(2, 1, 0.8, [500, 0, 50, 50]),
    dt(3, 1, 0.7, [200, 0, 100, 100]),
    dt(4, 1, 0.6, [500, 100, 50, 50]),
    dt(5, 2, 0.5, [0, 0, 100, 100]),
    dt(6, 2, 0.4, [150, 0, 50, 50]),
    dt(7, 2, 0.85, [320, 320, 50, 50]),
  ],
};
const curve = new CocoEvaluator(input).prCurve({ iouThr: 0.5 });

describe('operating points', () => {
  it('finds the threshold of best F1', () => {
    const { bestF1 } = operatingPoints(curve, 2);
    expect(bestF1).toMatchObject({ scoreThreshold: 0.5, tp: 3, fp: 2, fn: 0, precision: 0.6, recall: 1 });
    expect(bestF1!.f1).toBeCloseTo(0.75, 12);
  });

  it('finds the lowest threshold within a false-alarm rate per image', () => {
    // 0.1 per image over two images allows 0.2 false alarms: none, so only the first box is kept.
    expect(operatingPoints(curve, 2).atFalseAlarmRate).toMatchObject({ scoreThreshold: 0.9, fp: 0, falseAlarmsPerImage: 0 });
    // 0.5 per image allows one: down to 0.7.
    expect(operatingPoints(curve, 2, 0.5)).toMatchObject({
      atFalseAlarmRate: { scoreThreshold: 0.7, tp: 2, fp: 1, falseAlarmsPerImage: 0.5 },
      falseAlarmsPerImageTarget: 0.5,
    });
    // Three per image keeps everything.
    expect(operatingPoints(curve, 2, 3).atFalseAlarmRate).toMatchObject({ scoreThreshold: 0.4, fp: 3 });
  });

  it('keeps whole runs of equal scores, and has no point where none exists', () => {
    // The best box ties with a false alarm: keeping 0.9 keeps both, 1 false alarm for 1 image.
    const tied = new CocoEvaluator({
      ...input,
      images: [{ id: 1 }],
      groundTruth: input.groundTruth.slice(0, 1),
      detections: [dt(1, 1, 0.9, [0, 0, 100, 100]), dt(2, 1, 0.9, [500, 0, 50, 50])],
    });
    const points = operatingPoints(tied.prCurve({ iouThr: 0.5 }), 1);
    expect(points.atFalseAlarmRate).toBeNull();
    expect(points.bestF1).toMatchObject({ scoreThreshold: 0.9, tp: 1, fp: 1 });
    const blind = new CocoEvaluator({ ...input, detections: [dt(1, 1, 0.9, [500, 0, 50, 50])] });
    expect(operatingPoints(blind.prCurve({ iouThr: 0.5 }), 2).bestF1).toBeNull();
  });
});
