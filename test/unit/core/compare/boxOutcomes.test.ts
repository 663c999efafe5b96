import { describe, expect, it } from 'vitest';
import { boxOutcomes } from '../../../../core/compare/boxOutcomes.js';
import { evalInputFor } from '../../../../core/compare/evalInput.js';
import { CocoEvaluator } from '../../../../core/eval/cocoEval.js';
import type { EvaluationData } from '../../../../core/ipc/types.js';
import { boxAnnotation } from '../../../helpers/boxAnnotation.js';

const gt = boxAnnotation;
const dt = (id: number, score: number, bbox: [number, number, number, number]) => ({ id, imageId: 1, categoryId: 1, score, bbox, mask: null });

// Two people; the model finds the first well (IoU 0.81), the second loosely (IoU 0.6) and adds a false alarm.
const data: EvaluationData = {
  images: [{ id: 1, fileName: 'a.png', width: 200, height: 200 }],
  categories: [{ id: 1, name: 'pedestrian' }],
  groundTruth: [gt(10, [0, 0, 100, 100]), gt(11, [120, 0, 50, 100])],
  visibility: {},
  predictions: { 7: [dt(1, 0.9, [0, 0, 90, 90]), dt(2, 0.6, [120, 0, 50, 60]), dt(3, 0.3, [100, 150, 40, 40])] },
};

describe('box outcomes at a score and IoU threshold', () => {
  const ev = new CocoEvaluator(evalInputFor(data, 7), { iouType: 'bbox' });
  const result = ev.imageResult(1);

  it('marks matches TP with their IoU, and the rest FP, at IoU 0.50', () => {
    const o = boxOutcomes(result, 0, 0);
    expect(o.predictions.get(1)).toEqual({ outcome: 'tp', iou: 0.81, gtId: 10 });
    expect(o.predictions.get(2)).toMatchObject({ outcome: 'tp', gtId: 11 });
    expect(o.predictions.get(2)!.iou).toBeCloseTo(0.6, 12);
    expect(o.predictions.get(3)).toEqual({ outcome: 'fp', iou: 0, gtId: null });
    expect([...o.missed]).toEqual([]);
  });

  it('turns the loose match into an FP and its person into an FN at IoU 0.75', () => {
    const o = boxOutcomes(result, 5, 0);
    expect(o.predictions.get(2)).toMatchObject({ outcome: 'fp', gtId: 11 });
    expect([...o.missed]).toEqual([11]);
    expect([...o.found]).toEqual([10]);
  });

  it('hides predictions under the score threshold and counts their people as missed', () => {
    const o = boxOutcomes(result, 0, 0.7);
    expect([...o.predictions.keys()]).toEqual([1]);
    expect([...o.missed]).toEqual([11]);
  });
});
