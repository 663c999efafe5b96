import { describe, expect, it } from 'vitest';
import { missRateInput, modelDiagnostics } from '../../../../core/compare/modelDiagnostics.js';
import type { EvaluationData } from '../../../../core/ipc/types.js';
import { resampledMissRate } from '../../../../core/report/resampledMissRate.js';
import { boxOnImage, predictionOnImage } from '../../../helpers/boxAnnotation.js';

const gt = boxOnImage;
const dt = predictionOnImage;

/** Equal scores within and across images, a crowd region, an image with nothing in it. */
const DATA: EvaluationData = {
  images: [1, 2, 3, 4].map((id) => ({ id, fileName: `${id}.png`, width: 300, height: 200 })),
  categories: [{ id: 1, name: 'pedestrian' }],
  groundTruth: [gt(1, 1, [10, 10, 30, 80]), gt(2, 1, [100, 10, 30, 90]), gt(3, 2, [50, 20, 30, 100]), gt(4, 2, [200, 20, 60, 100], true)],
  visibility: {},
  predictions: {
    1: [
      dt(11, 1, [10, 10, 30, 80], 0.8),
      dt(12, 1, [150, 10, 30, 80], 0.8),
      dt(13, 2, [51, 21, 30, 100], 0.8),
      dt(14, 2, [210, 30, 40, 80], 0.7),
      dt(15, 3, [10, 10, 30, 80], 0.6),
      dt(16, 1, [101, 12, 30, 88], 0.5),
    ],
  },
};

/** The project with image i copied `w[i]` times in a row (ids i·10 + copy, so copies sort next to each other). */
function copied(w: readonly number[]): EvaluationData {
  const copies = <T extends { imageId: number }>(items: readonly T[], id: (x: T, c: number) => number) =>
    items.flatMap((x) => Array.from({ length: w[x.imageId - 1] }, (_, c) => ({ ...x, id: id(x, c), imageId: x.imageId * 10 + c })));
  return {
    ...DATA,
    images: DATA.images.flatMap((im, i) => Array.from({ length: w[i] }, (_, c) => ({ ...im, id: im.id * 10 + c }))),
    groundTruth: copies(DATA.groundTruth, (g, c) => g.id * 10 + c),
    predictions: { 1: copies(DATA.predictions[1], (p, c) => p.id * 10 + c) },
  };
}

describe('resampledMissRate', () => {
  const input = missRateInput(DATA, 1)!;
  const metric = resampledMissRate('MR', 'reasonable', input, input, [1, 2, 3, 4]);

  it('is the evaluator’s MR⁻² with every image once, and of the copied set for any multiplicity', () => {
    expect(metric.value('a', Uint32Array.of(1, 1, 1, 1))).toBe(modelDiagnostics(DATA, 1, 'bbox').missRate!.reasonable.logAverageMissRate);
    for (const w of [
      [2, 0, 1, 1],
      [0, 3, 1, 0],
      [1, 2, 0, 1],
      [3, 1, 0, 0],
    ]) {
      expect(metric.value('a', Uint32Array.from(w))).toBe(modelDiagnostics(copied(w), 1, 'bbox').missRate!.reasonable.logAverageMissRate);
    }
  });

  it('is undefined for a draw without pedestrians to find', () => {
    expect(metric.value('b', Uint32Array.of(0, 0, 2, 2))).toBeNaN();
  });
});
