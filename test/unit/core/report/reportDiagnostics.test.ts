import { describe, expect, it } from 'vitest';
import { abDiff } from '../../../../core/compare/abDiff.js';
import { pairedBootstrap } from '../../../../core/compare/bootstrap.js';
import { evalInputFor } from '../../../../core/compare/evalInput.js';
import { labelErrors } from '../../../../core/compare/labelErrors.js';
import { missRateInput, modelDiagnostics } from '../../../../core/compare/modelDiagnostics.js';
import { operatingPoints } from '../../../../core/compare/operatingPoints.js';
import { evaluatePair } from '../../../../core/compare/pairedImages.js';
import { MODEL_COLOURS_ON_WHITE, OUTCOME_COLOURS } from '../../../../core/compare/palette.js';
import { missRateSummary } from '../../../../core/eval/missRate/missRateSummary.js';
import { tideSummary } from '../../../../core/eval/tide/tideSummary.js';
import type { EvaluationData } from '../../../../core/ipc/types.js';
import { diagnosticsCsv, labelErrorsCsv } from '../../../../core/report/diagnosticsData.js';
import { reportJson } from '../../../../core/report/reportData.js';
import { MISS_RATE_METRIC } from '../../../../core/report/reportComparison.js';
import { reportHtml } from '../../../../core/report/reportHtml.js';
import { resampledMissRate } from '../../../../core/report/resampledMissRate.js';
import { buildReport } from '../../../../core/report/reportModel.js';
import { boxOnImage, predictionOnImage } from '../../../helpers/boxAnnotation.js';
import { reportInput } from '../../../helpers/reportInput.js';

const gt = boxOnImage;
const dt = predictionOnImage;

/** Pedestrians tall enough for the Reasonable setup; A finds most, B finds fewer and fires on background; both see one unlabelled person. */
const DATA: EvaluationData = {
  images: [1, 2, 3, 4, 5].map((id) => ({ id, fileName: `frame_${id}.png`, width: 320, height: 240 })),
  categories: [{ id: 1, name: 'person' }],
  groundTruth: [
    gt(1, 1, [10, 20, 30, 80]),
    gt(2, 1, [100, 20, 30, 90]),
    gt(3, 2, [40, 40, 25, 70]),
    gt(4, 3, [200, 30, 35, 100]),
    gt(5, 4, [60, 60, 30, 75]),
    gt(6, 5, [150, 20, 40, 120]),
    gt(7, 5, [250, 100, 60, 60], true),
  ],
  visibility: { 5: 0.5 },
  predictions: {
    10: [
      dt(101, 1, [11, 21, 30, 80], 0.95),
      dt(102, 1, [101, 22, 30, 88], 0.6),
      dt(103, 2, [40, 40, 25, 70], 0.9),
      dt(104, 3, [220, 30, 35, 100], 0.7),
      dt(105, 4, [260, 20, 30, 80], 0.85),
      dt(106, 5, [152, 22, 40, 118], 0.3),
      dt(107, 2, [250, 10, 30, 80], 0.2),
    ],
    20: [
      dt(201, 1, [12, 22, 28, 78], 0.8),
      dt(202, 2, [42, 42, 25, 70], 0.55),
      dt(203, 3, [5, 5, 20, 60], 0.9),
      dt(204, 4, [258, 22, 30, 80], 0.75),
      dt(205, 4, [60, 60, 30, 75], 0.4),
      dt(206, 5, [150, 20, 40, 120], 0.65),
      dt(207, 5, [255, 105, 50, 50], 0.6),
    ],
  },
};

const INPUT = reportInput('crossings', DATA, ['lab', 'field']);

const unfiltered = () => {
  const { detections: _a, ...groundTruth } = evalInputFor(DATA, 10);
  return evaluatePair(groundTruth, evalInputFor(DATA, 10).detections, evalInputFor(DATA, 20).detections);
};

describe('the report model’s diagnostics', () => {
  const report = buildReport(INPUT);

  it('holds each model’s TIDE breakdown and miss rates as the cores compute them', () => {
    for (const [m, id] of [10, 20].entries()) {
      const core = modelDiagnostics(DATA, id, 'bbox');
      expect(report.sections[0].tide[m].summary).toEqual(tideSummary(core.tide));
      expect(report.sections[0].tide[m].counts).toEqual(core.tide.errorCounts);
      expect(report.missRate![m].summary).toEqual(missRateSummary(core.missRate!));
      expect(report.missRate![m].reasonableCurve).toEqual(core.missRate!.reasonable.curve);
      expect(report.missRate![m].samples.heavy).toEqual(core.missRate!.heavy.samples);
    }
    expect(report.missRate![0].summary.reasonable).toBeGreaterThan(0);
  });

  it('counts people and false alarms as abDiff does at one shared threshold', () => {
    const pair = unfiltered();
    const core = abDiff(pair.images, { iouThrs: pair.a.params.iouThrs, iouThr: 0.5, scoreThreshold: 0.5 });
    expect(report.comparison.instances).toEqual(core.instances);
    expect(report.comparison.falseAlarms).toEqual(core.falseAlarms);
    expect(report.comparison.instances).toEqual({ both: 2, aOnly: 1, bOnly: 1, neither: 2 });
  });

  it('keeps each model’s detections at its own score threshold before pairing them', () => {
    const own = buildReport({ ...INPUT, scoreThresholds: [0.25, 0.7] });
    const { detections: _a, ...groundTruth } = evalInputFor(DATA, 10);
    const kept = ([10, 20] as const).map((id, m) => evalInputFor(DATA, id).detections.filter((d) => d.score >= [0.25, 0.7][m]));
    const pair = evaluatePair(groundTruth, kept[0], kept[1]);
    const core = abDiff(pair.images, { iouThrs: pair.a.params.iouThrs, iouThr: 0.5, scoreThreshold: 0 });
    expect(own.comparison.instances).toEqual(core.instances);
    expect(own.comparison.falseAlarms).toEqual(core.falseAlarms);
    expect(own.comparison.instances).not.toEqual(report.comparison.instances);
    expect(own.comparison.scoreThresholds).toEqual([0.25, 0.7]);
  });

  it('bootstraps B − A over every detection with seed 1 and 1000 resamples, and reads the operating points and label errors', () => {
    const pair = unfiltered();
    const [ma, mb] = [missRateInput(DATA, 10)!, missRateInput(DATA, 20)!];
    const extraMetrics = [
      resampledMissRate(
        MISS_RATE_METRIC,
        'reasonable',
        ma,
        mb,
        pair.images.map((im) => im.imageId),
      ),
    ];
    const core = pairedBootstrap(
      pair.images.map((im) => im.a.result),
      pair.images.map((im) => im.b.result),
      pair.a.params,
      { seed: 1, resamples: 1000, extraMetrics },
    );
    expect(JSON.stringify(report.comparison.bootstrap)).toBe(JSON.stringify(core));
    expect(report.comparison.bootstrap.metrics.map((m) => m.name)).toEqual(['AP', 'AP50', 'AR100', 'MR⁻² (Reasonable)']);
    const mr = report.comparison.bootstrap.metrics[3];
    expect([mr.a, mr.b, mr.higherIsBetter]).toEqual([report.missRate![0].summary.reasonable, report.missRate![1].summary.reasonable, false]);
    expect(report.comparison.operatingPoints).toEqual([
      operatingPoints(pair.a.prCurve({ iouThr: 0.5 }), 5),
      operatingPoints(pair.b.prCurve({ iouThr: 0.5 }), 5),
    ]);
    const cases = labelErrors(pair.images);
    expect(report.comparison.labelErrors.top).toEqual(cases.slice(0, 20).map((c) => ({ ...c, fileName: `frame_${c.imageId}.png`, category: 'person' })));
    expect(report.comparison.labelErrors.unlabelled).toBe(1);
    expect(report.comparison.labelErrors.top[0]).toMatchObject({ kind: 'unlabelled', imageId: 4, fileName: 'frame_4.png' });
  });

  it('says so when the project has no pedestrian category', () => {
    const cars = { ...DATA, categories: [{ id: 1, name: 'car' }] };
    expect(buildReport({ ...INPUT, data: cars }).missRate).toBeNull();
    expect(reportHtml(buildReport({ ...INPUT, data: cars }), new Map())).toContain('no pedestrian category');
  });
});

describe('the diagnostics in HTML, CSV and JSON', () => {
  const report = buildReport(INPUT);

  it('draws TIDE bars and miss-rate curves in the palette’s colours, with a section for the comparison', () => {
    const html = reportHtml(report, new Map());
    expect(html).toContain('<table class="tide" data-iou-type="bbox">');
    expect(html).toContain('aria-label="AP lost to each error (TIDE, IoU 0.5)"');
    expect(html).toContain('aria-label="Reasonable: miss rate against FPPI"');
    expect(html).toContain('data-section="miss-rate"');
    expect(html).toContain('data-section="comparison"');
    expect((html.match(/<polyline /g) ?? []).length).toBe(3 * 2 + 2);
    for (const colour of MODEL_COLOURS_ON_WHITE) expect(html).toContain(`fill="${colour}"`);
    expect(html).not.toMatch(/#2563eb|#c026d3/);
    expect(html).toContain(report.comparison.bootstrap.sentence);
    expect(html).toContain('<td>unlabelled</td><td>frame_4.png</td>');
    expect(html).toContain(OUTCOME_COLOURS.fn);
  });

  it('writes every number in one long CSV, and the label errors in another', () => {
    const lines = diagnosticsCsv(report).split('\r\n');
    expect(lines[0]).toBe('section,iou_type,model_id,model,name,value,ci95_low,ci95_high,note');
    const count = (section: string) => lines.filter((l) => l.startsWith(`${section},`)).length;
    expect([
      count('tide'),
      count('tide_count'),
      count('tide_ap'),
      count('miss_rate'),
      count('instances'),
      count('false_alarms'),
      count('delta'),
      count('operating_point'),
    ]).toEqual([16, 12, 2, 8, 4, 3, 4, 14]);
    const tide = tideSummary(modelDiagnostics(DATA, 20, 'bbox').tide);
    expect(lines).toContain(`tide,bbox,20,field,Miss,${tide.main.Miss},,,`);
    expect(lines).toContain('instances,bbox,,,both,2,,,"IoU 0.50, score >= 0.5 (A) / 0.5 (B)"');
    const ap = report.comparison.bootstrap.metrics[0];
    expect(lines).toContain(`delta,bbox,,,AP,${ap.value},${ap.ci95![0]},${ap.ci95![1]},${ap.sentence}`);
    const errors = labelErrorsCsv(report).split('\r\n');
    expect(errors[0]).toBe('rank,kind,image_id,file_name,category,x,y,w,h,gt_id,a_detection_id,a_score,a_gt_iou,b_detection_id,b_score,b_gt_iou,ab_iou');
    expect(errors[1]).toMatch(/^1,unlabelled,4,frame_4.png,person,/);
  });

  it('puts the comparison in the JSON under pedlab compare’s keys, and each model’s TIDE and miss rates beside its stats', () => {
    const json = JSON.parse(JSON.stringify(reportJson(report)));
    const c = report.comparison;
    expect(json.comparison).toMatchObject({
      iouType: 'bbox',
      iouThr: 0.5,
      instances: c.instances,
      falseAlarms: c.falseAlarms,
      deltaAP: { value: c.bootstrap.metrics[0].value, ci95: c.bootstrap.metrics[0].ci95, sentence: c.bootstrap.metrics[0].sentence },
      deltaAP50: { value: c.bootstrap.metrics[1].value },
      deltaAR100: { value: c.bootstrap.metrics[2].value },
      deltaMissRate: { value: c.bootstrap.metrics[3].value, ci95: c.bootstrap.metrics[3].ci95 },
      bootstrap: { seed: 1, resamples: 1000, sentence: c.bootstrap.sentence },
      operatingPoints: { a: c.operatingPoints[0], b: c.operatingPoints[1] },
      labelErrorCounts: { unlabelled: 1, loose: c.labelErrors.loose },
    });
    expect(json.comparison.labelErrors).toHaveLength(c.labelErrors.top.length);
    expect(json.models[1].evaluations.bbox.tide).toEqual(tideSummary(modelDiagnostics(DATA, 20, 'bbox').tide));
    expect(json.models[0].missRate).toEqual(missRateSummary(modelDiagnostics(DATA, 10, 'bbox').missRate!));
  });
});
