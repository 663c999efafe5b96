import { describe, expect, it } from 'vitest';
import { modelDiagnostics } from '../../../../core/compare/modelDiagnostics.js';
import type { Annotation, EvaluationData, ImagePrediction } from '../../../../core/ipc/types.js';

const gt = (id: number, bbox: [number, number, number, number], iscrowd = false): Annotation => ({
  id,
  imageId: 1,
  categoryId: 4,
  bbox,
  area: bbox[2] * bbox[3],
  iscrowd,
  mask: null,
});
const det = (id: number, bbox: [number, number, number, number], score: number): ImagePrediction => ({
  id,
  imageId: 1,
  categoryId: 4,
  bbox,
  score,
  mask: null,
});

/** One image; the project's pedestrians are category 4, called "person". */
function data(visibility: Record<number, number>): EvaluationData {
  return {
    images: [{ id: 1, fileName: 'a.png', width: 640, height: 480 }],
    categories: [{ id: 4, name: 'person' }],
    groundTruth: [gt(1, [10, 10, 40, 100]), gt(2, [300, 10, 40, 100]), gt(3, [400, 200, 200, 200], true)],
    visibility,
    predictions: { 7: [det(1, [10, 10, 40, 100], 0.9), det(2, [450, 250, 60, 120], 0.8)] },
  };
}

describe('a model’s diagnostics over the project', () => {
  it('scores the project’s pedestrian category, whatever its id and name, with crowd regions as ignore regions', () => {
    const { missRate, tide } = modelDiagnostics(data({}), 7, 'bbox');
    const reasonable = missRate!.reasonable;
    // The detection inside the crowd region is absorbed, not a false positive; one of two people is found.
    expect(reasonable.counts).toMatchObject({ truePositives: 1, falsePositives: 0, ignoredDetections: 1 });
    expect(reasonable.logAverageMissRate).toBeCloseTo(0.5, 12);
    expect(tide.errorCounts.miss).toBe(1);
  });

  it('reads each person’s visibility from the source’s attributes: a 30% visible person leaves Reasonable for Heavy occlusion', () => {
    const { missRate } = modelDiagnostics(data({ 2: 0.3 }), 7, 'bbox');
    expect(missRate!.reasonable.counts.ignoredGroundTruths).toBeGreaterThan(
      modelDiagnostics(data({}), 7, 'bbox').missRate!.reasonable.counts.ignoredGroundTruths,
    );
    expect(missRate!.reasonable.logAverageMissRate).toBe(0);
    expect(missRate!.heavy.logAverageMissRate).toBe(1);
  });

  it('has no miss rate for a project without a pedestrian category', () => {
    const d = data({});
    expect(modelDiagnostics({ ...d, categories: [{ id: 4, name: 'bicycle' }] }, 7, 'bbox').missRate).toBeNull();
  });
});
