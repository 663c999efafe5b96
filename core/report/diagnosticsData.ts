import type { MetricDifference } from '../compare/bootstrap.js';
import { MISS_RATE_SETUPS } from '../eval/missRate/setups.js';
import { TIDE_MAIN_ERRORS } from '../eval/tide/tideErrors.js';
import { TIDE_MAIN_LABELS } from '../eval/tide/tideSummary.js';
import { csv, type Cell } from './csvText.js';
import { MISS_RATE_METRIC } from './reportComparison.js';
import type { ReportModel } from './reportModel.js';

const HEADER = ['section', 'iou_type', 'model_id', 'model', 'name', 'value', 'ci95_low', 'ci95_high', 'note'];

/**
 * One row per number of the diagnostics, in one long layout: TIDE ΔAP and counts per IoU type and model, MR⁻²
 * per setup and model, the person-by-person diff, B − A with its 95% interval, and each model's operating points.
 * Rows of the two models together leave model_id and model empty.
 */
export function diagnosticsCsv(report: ReportModel): string {
  const rows: Cell[][] = [];
  const model = (i: number): Cell[] => [report.models[i].id, report.models[i].name];
  for (const section of report.sections) {
    section.tide.forEach((t, i) => {
      for (const e of TIDE_MAIN_ERRORS)
        rows.push([
          'tide',
          section.iouType,
          ...model(i),
          TIDE_MAIN_LABELS[e],
          t.summary.main[TIDE_MAIN_LABELS[e] as keyof typeof t.summary.main],
          null,
          null,
          null,
        ]);
      for (const name of ['FalsePos', 'FalseNeg'] as const) rows.push(['tide', section.iouType, ...model(i), name, t.summary.special[name], null, null, null]);
      for (const e of TIDE_MAIN_ERRORS) rows.push(['tide_count', section.iouType, ...model(i), TIDE_MAIN_LABELS[e], t.counts[e], null, null, null]);
      rows.push(['tide_ap', section.iouType, ...model(i), 'AP50', t.ap, null, null, null]);
    });
  }
  report.missRate?.forEach((m, i) => {
    for (const s of MISS_RATE_SETUPS) rows.push(['miss_rate', 'bbox', ...model(i), s.name, m.summary[s.name], null, null, s.title]);
  });
  const c = report.comparison;
  const at = `IoU ${c.iouThreshold.toFixed(2)}, score >= ${c.scoreThresholds[0]} (A) / ${c.scoreThresholds[1]} (B)`;
  for (const [name, value] of Object.entries(c.instances)) rows.push(['instances', 'bbox', null, null, name, value, null, null, at]);
  for (const [name, value] of Object.entries(c.falseAlarms)) rows.push(['false_alarms', 'bbox', null, null, name, value, null, null, at]);
  for (const m of c.bootstrap.metrics) rows.push(['delta', 'bbox', null, null, m.name, m.value, m.ci95?.[0] ?? null, m.ci95?.[1] ?? null, m.sentence]);
  c.operatingPoints.forEach((p, i) => {
    const best = p.bestF1;
    const rate = p.atFalseAlarmRate;
    const point = (name: string, value: number | null, note: string) => rows.push(['operating_point', 'bbox', ...model(i), name, value, null, null, note]);
    point('best_f1_score_threshold', best?.scoreThreshold ?? null, 'best F1');
    point('best_f1_precision', best?.precision ?? null, 'best F1');
    point('best_f1_recall', best?.recall ?? null, 'best F1');
    point('best_f1', best?.f1 ?? null, 'best F1');
    const target = `at most ${p.falseAlarmsPerImageTarget} false alarms per image`;
    point('fa_rate_score_threshold', rate?.scoreThreshold ?? null, target);
    point('fa_rate_recall', rate?.recall ?? null, target);
    point('fa_rate_false_alarms_per_image', rate?.falseAlarmsPerImage ?? null, target);
  });
  return csv(HEADER, rows);
}

/** The first label-error cases of the ranking, one row each, with both models' evidence. */
export function labelErrorsCsv(report: ReportModel): string {
  const header = [
    'rank',
    'kind',
    'image_id',
    'file_name',
    'category',
    'x',
    'y',
    'w',
    'h',
    'gt_id',
    'a_detection_id',
    'a_score',
    'a_gt_iou',
    'b_detection_id',
    'b_score',
    'b_gt_iou',
    'ab_iou',
  ];
  const rows = report.comparison.labelErrors.top.map((c, k): Cell[] => [
    k + 1,
    c.kind,
    c.imageId as number,
    c.fileName,
    c.category,
    ...c.box,
    c.gtId,
    c.a.detectionId,
    c.a.score,
    c.a.gtIou,
    c.b.detectionId,
    c.b.score,
    c.b.gtIou,
    c.abIou,
  ]);
  return csv(header, rows);
}

function delta(m: MetricDifference | undefined) {
  return m ? { value: m.value, ci95: m.ci95, verdict: m.verdict, sentence: m.sentence } : null;
}

/** The comparison under the keys `pedlab compare --json` uses. */
export function comparisonJson(report: ReportModel) {
  const c = report.comparison;
  const metric = (name: string) => c.bootstrap.metrics.find((m) => m.name === name);
  return {
    iouType: 'bbox',
    iouThr: c.iouThreshold,
    scoreThresholds: c.scoreThresholds,
    instances: c.instances,
    falseAlarms: c.falseAlarms,
    deltaAP: delta(metric('AP')),
    deltaAP50: delta(metric('AP50')),
    deltaAR100: delta(metric('AR100')),
    deltaMissRate: delta(metric(MISS_RATE_METRIC)),
    bootstrap: { seed: c.bootstrap.seed, resamples: c.bootstrap.resamples, sentence: c.bootstrap.sentence },
    operatingPoints: { a: c.operatingPoints[0], b: c.operatingPoints[1] },
    labelErrors: c.labelErrors.top,
    labelErrorCounts: { unlabelled: c.labelErrors.unlabelled, loose: c.labelErrors.loose },
  };
}
