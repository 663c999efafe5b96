import { STAT_NAMES } from '../eval/cocoStats.js';
import { csv } from './csvText.js';
import { comparisonJson } from './diagnosticsData.js';
import type { ReportModel } from './reportModel.js';

/** One row per IoU type, image and model: the image's AP, AP50, and TP/FP/FN at the IoU and score thresholds. */
export function imagesCsv(report: ReportModel): string {
  const threshold = new Map(report.models.map((m, i) => [m.id, report.scoreThresholds[i]]));
  const header = [
    'iou_type',
    'image_id',
    'file_name',
    'model_id',
    'model',
    'ap',
    'ap50',
    'num_gt',
    'num_dt',
    'iou_threshold',
    'score_threshold',
    'tp',
    'fp',
    'fn',
  ];
  const rows = report.images.map((r) => [
    r.iouType,
    r.imageId,
    r.fileName,
    r.modelId,
    r.model,
    r.ap,
    r.ap50,
    r.numGt,
    r.numDt,
    report.iouThreshold,
    threshold.get(r.modelId)!,
    r.tp,
    r.fp,
    r.fn,
  ]);
  return csv(header, rows);
}

/** One row per detection (TP, FP, ignored, below threshold) and per missed ground truth (FN), per IoU type and model. */
export function boxesCsv(report: ReportModel): string {
  const header = ['iou_type', 'image_id', 'file_name', 'model_id', 'model', 'kind', 'box_id', 'x', 'y', 'w', 'h', 'score', 'matched_gt_id', 'iou', 'result'];
  const rows = report.boxes.map((b) => [
    b.iouType,
    b.imageId,
    b.fileName,
    b.modelId,
    b.model,
    b.kind,
    b.id,
    ...b.bbox,
    b.score,
    b.matchedGtId,
    b.iou,
    b.result,
  ]);
  return csv(header, rows);
}

/**
 * Everything the report holds, as one JSON value: parameters, both models' stats, TIDE breakdown and miss rates,
 * the comparison of A and B (under `pedlab compare --json`'s keys), per-image and per-box results.
 */
export function reportJson(report: ReportModel): unknown {
  return {
    pedlab: report.appVersion,
    createdAt: report.createdAt,
    project: report.project,
    counts: report.counts,
    parameters: { ...report.params, iouThreshold: report.iouThreshold, statNames: STAT_NAMES },
    models: report.models.map((m, i) => ({
      label: i === 0 ? 'A' : 'B',
      ...m,
      scoreThreshold: report.scoreThresholds[i],
      missRate: report.missRate?.[i].summary ?? null,
      missRateSamples: report.missRate?.[i].samples ?? null,
      evaluations: Object.fromEntries(
        report.sections.map((s) => {
          const r = s.results[i];
          return [
            s.iouType,
            {
              stats: Object.fromEntries(STAT_NAMES.map((name, k) => [name, r.stats[k]])),
              summary: r.summary,
              operatingPoint: { iouThreshold: report.iouThreshold, ...r.operatingPoint },
              precisionAtRecall: r.curves,
              tide: s.tide[i].summary,
              tideCounts: s.tide[i].counts,
            },
          ];
        }),
      ),
    })),
    differences: Object.fromEntries(
      report.sections.map((s) => [
        s.iouType,
        Object.fromEntries(STAT_NAMES.map((name, k) => [name, difference(s.results[0].stats[k], s.results[1].stats[k])])),
      ]),
    ),
    comparison: comparisonJson(report),
    images: report.images,
    boxes: report.boxes,
    notes: report.notes,
  };
}

/** B − A, or null where either is -1 (no ground truth in that range). */
export function difference(a: number, b: number): number | null {
  return a < 0 || b < 0 ? null : b - a;
}
