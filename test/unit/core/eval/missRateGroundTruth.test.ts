import { describe, expect, it } from 'vitest';
import { CocoFormatError } from '../../../../core/formats/validate.js';
import { evaluateMissRateJson } from '../../../../core/eval/missRate/missRateEval.js';
import { readMissRateGroundTruth } from '../../../../core/eval/missRate/missRateGroundTruth.js';

function groundTruthFile(annotations: object[], images = [{ id: 1 }]): object {
  const withDefaults = annotations.map((a, i) => ({ id: i + 1, image_id: 1, category_id: 1, area: 1, iscrowd: 0, ...a }));
  return { images, categories: [{ id: 1, name: 'pedestrian' }], annotations: withDefaults };
}

describe('miss rate: reading the ground truth', () => {
  it("reads CityPersons' height, vis_ratio and ignore, and defaults them to the box height, 1 and 0", () => {
    const gt = readMissRateGroundTruth(
      groundTruthFile([{ bbox: [0, 0, 20, 45] }, { bbox: [0, 0, 20, 45], height: 60, vis_ratio: 0.4, ignore: 1, vis_bbox: [0, 0, 10, 20] }]),
    );
    expect(gt.imageIds).toEqual([1]);
    expect(gt.annotations.map(({ height, visibility, ignore }) => ({ height, visibility, ignore }))).toEqual([
      { height: 45, visibility: 1, ignore: false },
      { height: 60, visibility: 0.4, ignore: true },
    ]);
  });

  it('refuses fields of the wrong kind, naming the annotation', () => {
    expect(() => readMissRateGroundTruth(groundTruthFile([{ bbox: [0, 0, 1, 1], height: '60' }]))).toThrow(CocoFormatError);
    expect(() => readMissRateGroundTruth(groundTruthFile([{ bbox: [0, 0, 1, 1], vis_ratio: null }]))).toThrow(/annotations\[0\] \(id 1\): vis_ratio/);
    expect(() => readMissRateGroundTruth(groundTruthFile([{ bbox: [0, 0, 1, 1], ignore: 2 }]))).toThrow(/ignore must be 0 or 1/);
  });

  it('selects on the height field, not the box, when the file has one', () => {
    // Box height 45 (< 50) but height 60: a pedestrian to find in Reasonable, found by the detection on it.
    // Without the field the box height 45 makes it ignored there, and Reasonable has nothing to find.
    const results = [{ image_id: 1, category_id: 1, bbox: [0, 0, 20, 45], score: 0.9 }];
    const withHeight = evaluateMissRateJson(groundTruthFile([{ bbox: [0, 0, 20, 45], height: 60 }]), results);
    expect(withHeight.reasonable.logAverageMissRate).toBe(0);
    const boxOnly = evaluateMissRateJson(groundTruthFile([{ bbox: [0, 0, 20, 45] }]), results);
    expect(boxOnly.reasonable.logAverageMissRate).toBeNull();
    // In All (heights from 20) it is found either way; in heavy occlusion, visibility 1 (the default) is ignored.
    expect(boxOnly.all.logAverageMissRate).toBe(0);
    expect(boxOnly.heavy.logAverageMissRate).toBeNull();
  });

  it('evaluates every setup from the files, counting every listed image', () => {
    // Ten images, one pedestrian found at score 0.9, one false positive at 0.8 on an empty image: entries
    // (0, 1), (0.1, 1): recall 1 everywhere.
    const images = Array.from({ length: 10 }, (_, i) => ({ id: i + 1 }));
    const results = [
      { image_id: 1, category_id: 1, bbox: [0, 0, 50, 100], score: 0.9 },
      { image_id: 7, category_id: 1, bbox: [0, 0, 50, 100], score: 0.8 },
    ];
    const report = evaluateMissRateJson(groundTruthFile([{ bbox: [0, 0, 50, 100], height: 100, vis_ratio: 1 }], images), results);
    expect(report.reasonable.counts).toMatchObject({ images: 10, evaluatedImages: 2, truePositives: 1, falsePositives: 1 });
    expect(report.reasonable.curve).toEqual([
      { fppi: 0, missRate: 0 },
      { fppi: 0.1, missRate: 0 },
    ]);
    expect(report.small.logAverageMissRate).toBeNull();
  });
});
