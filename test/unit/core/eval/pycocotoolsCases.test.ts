import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CocoEvaluator } from '../../../../core/eval/cocoEval.js';
import type { IouType } from '../../../../core/eval/params.js';
import { parseCocoGroundTruth, parseCocoResults } from '../../../../core/formats/cocoJson.js';
import { describeShared, hasShared, readSharedJson, sharedPath } from '../../../helpers/shared.js';

function stats(gtJson: unknown, dtJson: unknown, iouType: IouType): readonly number[] {
  const gt = parseCocoGroundTruth(gtJson);
  const detections = parseCocoResults(dtJson, gt);
  return new CocoEvaluator({ images: gt.images, categories: gt.categories, groundTruth: gt.annotations, detections }, { iouType }).stats();
}

function expectStats(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(12);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]), `stat ${i}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(1e-12));
}

describeShared('pycocotools reference cases (../shared/data/coco_cases)', () => {
  const cases = (...p: string[]) => readSharedJson('data', 'coco_cases', ...p);

  it('cocoapi fake100 bbox', () => {
    const gt = cases('cocoapi_fake100', 'instances_val2014_100.json');
    expectStats(
      stats(gt, cases('cocoapi_fake100', 'instances_val2014_fakebbox100_results.json'), 'bbox'),
      [
        0.5045806987249628, 0.6969727247299577, 0.5729816669904824, 0.5856257209410443, 0.5193996948036719, 0.5013978986347466, 0.38681277964578054,
        0.5936795762842003, 0.595352982877607, 0.6398109626113442, 0.5664205978994309, 0.5642905982905982,
      ],
    );
  });

  it('cocoapi fake100 segm', () => {
    const gt = cases('cocoapi_fake100', 'instances_val2014_100.json');
    expectStats(
      stats(gt, cases('cocoapi_fake100', 'instances_val2014_fakesegm100_results.json'), 'segm'),
      [
        0.3195452758576433, 0.5622883972521636, 0.29892653412086784, 0.3873740315997838, 0.31018272403369485, 0.3269339071005138, 0.2682297225711534,
        0.41544868114906375, 0.4168394992198818, 0.4694498622754236, 0.37675922666197265, 0.3814715099715099,
      ],
    );
  });

  it('faster_coco_eval crowd/ignore case, results with score >= 0.1', () => {
    const gt = cases('faster_coco_eval_small', 'gt_ignore_test.json');
    const dt = (cases('faster_coco_eval_small', 'dt_ignore_test.json') as { score: number }[]).filter((d) => d.score >= 0.1);
    expect(dt).toHaveLength(36);
    expectStats(
      stats(gt, dt, 'bbox'),
      [0.7099009900990099, 1.0, 0.8415841584158416, -1, 0.7099009900990099, -1, 0.0, 0.45384615384615384, 0.7153846153846154, -1, 0.7153846153846154, -1],
    );
  });

  it('faster_coco_eval polygon case: results as merged polygon masks without their boxes', () => {
    const gt = cases('faster_coco_eval_small', 'gt_dataset.json');
    const dt = (cases('faster_coco_eval_small', 'dt_dataset.json') as Record<string, unknown>[]).map(({ bbox: _bbox, ...rest }) => rest);
    const ap = 0.6947194719471946;
    expectStats(stats(gt, dt, 'segm'), [ap, ap, ap, -1, 0.7367986798679867, 0, 0.6666666666666666, 0.75, 0.75, -1, 0.7916666666666666, 0]);
  });

  const generated = hasShared
    ? readdirSync(sharedPath('data', 'coco_cases', 'generated'))
        .filter((d) => d.startsWith('case_'))
        .sort()
    : [];
  it.each(generated)('generated %s (bbox and segm)', (name) => {
    const expected = cases('generated', name, 'expected.json') as Record<IouType, number[]>;
    const gt = cases('generated', name, 'gt.json');
    expectStats(stats(gt, cases('generated', name, 'dt_bbox.json'), 'bbox'), expected.bbox);
    expectStats(stats(gt, cases('generated', name, 'dt_segm.json'), 'segm'), expected.segm);
  });

  it('finds the 40 generated cases', () => {
    expect(generated).toHaveLength(40);
  });
});
