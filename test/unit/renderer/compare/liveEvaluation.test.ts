import { describe, expect, it } from 'vitest';
import { evalInputFor } from '../../../../core/compare/evalInput.js';
import { CocoEvaluator } from '../../../../core/eval/cocoEval.js';
import type { EvaluationData } from '../../../../core/ipc/types.js';
import { evaluationDataParts } from '../../../../renderer/src/compare/evaluationDataParts.js';
import type { EvaluationViewRequest } from '../../../../renderer/src/compare/evaluationMessages.js';
import { LiveEvaluation } from '../../../../renderer/src/compare/liveEvaluation.js';
import { boxOnImage, predictionOnImage } from '../../../helpers/boxAnnotation.js';

const gt = boxOnImage;
const dt = predictionOnImage;

/** 2,500 images, one person each; model 1 finds each exactly, model 2 off by 8 px (IoU about 0.43). */
function project(): EvaluationData {
  const images = Array.from({ length: 2_500 }, (_, k) => ({ id: k + 1, fileName: `f${k + 1}.png`, width: 64, height: 48 }));
  return {
    images,
    categories: [{ id: 1, name: 'person' }],
    groundTruth: images.map((i) => gt(i.id, i.id, [10, 5, 20, 36])),
    visibility: {},
    predictions: { 1: images.map((i) => dt(i.id, i.id, [10, 5, 20, 36], 0.9)), 2: images.map((i) => dt(10_000 + i.id, i.id, [18, 5, 20, 36], 0.8)) },
  };
}

const VIEW: EvaluationViewRequest = { iouType: 'bbox', iouThr: 0.5, scoreThrs: [0.5, 0.5], imageId: 7 };

function built(data: EvaluationData) {
  const live = new LiveEvaluation();
  for (const part of evaluationDataParts(data)) live.addPart(part);
  return { live, answer: live.build([1, 2], [], VIEW) };
}

describe('LiveEvaluation', () => {
  it('is built from the data sent in parts, with the same numbers as one evaluator over all of it', () => {
    const data = project();
    expect(evaluationDataParts(data)).toHaveLength(3);
    const { answer } = built(data);
    expect(answer.view.stats[0]).toEqual(new CocoEvaluator(evalInputFor(data, 1)).stats());
    expect(answer.view.stats[1]).toEqual(new CocoEvaluator(evalInputFor(data, 2)).stats());
    expect(answer.counts.whole).toBe(true);
    expect(answer.counts.entries).toHaveLength(2_500);
    expect(answer.summaries.entries[0]).toHaveLength(2_500);
    expect(answer.view.points.map((p) => p?.tp)).toEqual([2_500, 0]);
    expect(answer.view.current?.outcomes.map((o) => o?.missed.size)).toEqual([0, 1]);
  });

  it('answers an edit with the edited image alone, and the sliders with every image again', () => {
    const { live } = built(project());
    const edit = live.update([{ imageId: 7, annotations: [] }], VIEW);
    expect(edit.counts).toEqual({
      whole: false,
      entries: [
        [
          7,
          [
            { tp: 0, fp: 1, fn: 0 },
            { tp: 0, fp: 1, fn: 0 },
          ],
        ],
      ],
    });
    expect(edit.summaries.entries.map((e) => e.map((s) => s.imageId))).toEqual([[7], [7]]);
    expect(edit.view.points[0]?.fn).toBe(0);
    expect(edit.view.points[0]?.fp).toBe(1);
    const moved = live.update([], { ...VIEW, scoreThrs: [0.95, 0.5] });
    expect(moved.counts.whole).toBe(true);
    expect(moved.counts.entries).toHaveLength(2_500);
  });

  it('reads the counts below an IoU of 0.50 from the loose evaluation, built when first asked, while the 12 stats stay at COCO’s', () => {
    const { live, answer } = built(project());
    const loose = live.update([], { ...VIEW, iouThr: 0.3 });
    expect(loose.view.points.map((p) => p?.tp)).toEqual([2_500, 2_500]);
    expect(loose.view.stats).toEqual(answer.view.stats);
    expect(loose.counts.entries[0][1][1]).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});
