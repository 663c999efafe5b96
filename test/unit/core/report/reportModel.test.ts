import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../../core/eval/params.js';
import type { EvaluationData } from '../../../../core/ipc/types.js';
import { groundTruthCoco, resultsCoco } from '../../../../core/report/cocoFiles.js';
import { boxesCsv, imagesCsv, reportJson } from '../../../../core/report/reportData.js';
import { reportHtml } from '../../../../core/report/reportHtml.js';
import { buildReport, iouThresholdIndex } from '../../../../core/report/reportModel.js';
import { boxOnImage, predictionOnImage } from '../../../helpers/boxAnnotation.js';
import { reportInput } from '../../../helpers/reportInput.js';

const gt = boxOnImage;
const dt = predictionOnImage;

const DATA: EvaluationData = {
  images: [
    { id: 1, fileName: 'street "north", 1.png', width: 100, height: 100 },
    { id: 2, fileName: 'crossing.png', width: 100, height: 100 },
    { id: 3, fileName: 'empty.png', width: 100, height: 100 },
  ],
  categories: [{ id: 1, name: 'pedestrian' }],
  groundTruth: [gt(1, 1, [10, 10, 20, 40]), gt(2, 1, [60, 10, 20, 40]), gt(3, 2, [10, 10, 30, 30])],
  visibility: {},
  predictions: {
    10: [dt(101, 1, [10, 10, 20, 40], 0.9), dt(102, 1, [61, 10, 20, 40], 0.3), dt(103, 2, [10, 10, 30, 30], 0.8)],
    20: [dt(201, 1, [11, 11, 20, 40], 0.7), dt(202, 1, [40, 50, 10, 10], 0.6), dt(203, 3, [0, 0, 5, 5], 0.9)],
  },
};

const INPUT = reportInput('streets', DATA, ['Detector <A & B>', 'Detector 2']);

describe('buildReport', () => {
  const report = buildReport(INPUT);

  it('evaluates boxes only when masks are missing, and says so', () => {
    expect(report.sections.map((s) => s.iouType)).toEqual(['bbox']);
    expect(report.notes).toEqual(['Mask (segm) results are left out: 3 ground-truth annotations have no mask.']);
  });

  it('counts TP/FP/FN per image as the operating point does over the project', () => {
    for (const [m, info] of report.models.entries()) {
      const rows = report.images.filter((r) => r.modelId === info.id);
      const sum = (k: 'tp' | 'fp' | 'fn') => rows.reduce((n, r) => n + r[k], 0);
      const point = report.sections[0].results[m].operatingPoint;
      expect([sum('tp'), sum('fp'), sum('fn')]).toEqual([point.tp, point.fp, point.fn]);
    }
    expect(report.sections[0].results.map((r) => [r.operatingPoint.tp, r.operatingPoint.fp, r.operatingPoint.fn])).toEqual([
      [2, 0, 1],
      [1, 2, 2],
    ]);
  });

  it('lists a ground truth matched only below the score threshold as missed', () => {
    const onImage1 = report.boxes.filter((b) => b.modelId === 10 && b.imageId === 1);
    expect(onImage1.map((b) => [b.kind, b.id, b.result, b.matchedGtId])).toEqual([
      ['detection', 101, 'TP', 1],
      ['detection', 102, 'below threshold', 2],
      ['ground truth', 2, 'FN', null],
    ]);
    expect(onImage1[1].iou).toBeCloseTo(760 / 840, 12);
  });

  it('shows the images that differ most first, and leaves out those where the models agree', () => {
    expect(report.gallery.map((g) => g.imageId)).toEqual([2, 1, 3]);
    expect(report.gallery[0].ap[0]).toBeCloseTo(1, 12);
    expect(report.gallery[0].ap[1]).toBe(0);
    expect(report.gallery[2].ap).toEqual([null, null]);
    expect(report.gallery[0].shapes).toEqual([
      [
        { kind: 'tp', bbox: [10, 10, 30, 30] },
        { kind: 'gt', bbox: [10, 10, 30, 30] },
      ],
      [{ kind: 'fn', bbox: [10, 10, 30, 30] }],
    ]);
    expect(report.gallery[1].counts[0]).toEqual({ tp: 1, fp: 0, fn: 1, below: 1 });
    const same = buildReport({ ...INPUT, models: [INPUT.models[0], INPUT.models[0]] });
    expect(same.gallery).toEqual([]);
  });

  it('takes 0.90 as an IoU threshold although numpy makes it 0.8999999999999999', () => {
    expect(iouThresholdIndex(defaultParams('bbox').iouThrs, 0.9)).toBe(8);
    expect(() => buildReport({ ...INPUT, iouThreshold: 0.52 })).toThrow('IoU threshold 0.52 is not one of 0.50, 0.55');
  });
});

describe('report text', () => {
  const report = buildReport(INPUT);

  it('quotes CSV fields that need it', () => {
    const lines = imagesCsv(report).split('\r\n');
    expect(lines[0]).toBe('iou_type,image_id,file_name,model_id,model,ap,ap50,num_gt,num_dt,iou_threshold,score_threshold,tp,fp,fn');
    expect(lines[1]).toMatch(/^bbox,1,"street ""north"", 1.png",10,Detector <A & B>,/);
    expect(lines.at(-2)).toBe('bbox,3,empty.png,20,Detector 2,,,0,1,0.5,0.5,0,1,0');
    expect(boxesCsv(report).split('\r\n')[1]).toBe('bbox,1,"street ""north"", 1.png",10,Detector <A & B>,detection,101,10,10,20,40,0.9,1,1,TP');
  });

  it('puts every stat of both models in the JSON, with B − A', () => {
    const json = reportJson(report) as {
      models: { evaluations: { bbox: { stats: Record<string, number> } } }[];
      differences: { bbox: Record<string, number | null> };
    };
    const [a, b] = json.models.map((m) => m.evaluations.bbox.stats);
    expect(Object.keys(a)).toHaveLength(12);
    expect(json.differences.bbox.AP).toBe(b.AP - a.AP);
    expect(json.differences.bbox.APlarge).toBeNull();
  });

  it('writes HTML without scripts or outside references, names escaped', () => {
    const html = reportHtml(report, new Map([[2, ['data:image/jpeg;base64,AAAA', 'data:image/jpeg;base64,BBBB']]]));
    expect(html).not.toMatch(/<script|https?:|<link/i);
    expect(html).toContain('Detector &lt;A &amp; B&gt;');
    expect(html).toContain(report.sections[0].results[1].summary);
    expect(html).toContain('<img src="data:image/jpeg;base64,BBBB"');
    expect((html.match(/<svg /g) ?? []).length).toBe(5);
  });
});

describe('COCO files', () => {
  it('keep the project ids, and scores and boxes unrounded so that ties do not appear', () => {
    const data = { ...DATA, predictions: { 10: [dt(5, 2, [1.234567, 2, 3, 4], 0.99976521), dt(6, 1, [0, 0, 1, 1], 0.99976509)] } };
    expect(resultsCoco(data, 10)).toEqual([
      { image_id: 2, category_id: 1, bbox: [1.234567, 2, 3, 4], score: 0.99976521 },
      { image_id: 1, category_id: 1, bbox: [0, 0, 1, 1], score: 0.99976509 },
    ]);
    const coco = groundTruthCoco(DATA, 'streets') as { images: { id: number }[]; annotations: { id: number; image_id: number }[] };
    expect(coco.images.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(coco.annotations.map((a) => [a.id, a.image_id])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
  });
});
