import { evalInputFor } from '../compare/evalInput.js';
import { categoryMismatch } from '../compare/categoryOverlap.js';
import { CocoEvaluator } from '../eval/cocoEval.js';
import { operatingPoint, type OperatingPoint } from '../eval/curves.js';
import type { IouType } from '../eval/params.js';
import type { Stats } from '../eval/cocoStats.js';
import type { ModelSettings } from '../detect/types.js';
import type { EvaluationData } from '../ipc/types.js';
import { imageOutcomes, type BoxRow, type ImageRow, type OverlayShape } from './imageOutcomes.js';
import { diagnosticsOf, reportComparison, type MissRateEntry, type ReportComparison, type TideEntry } from './reportComparison.js';

export type { BoxRow, ImageRow, OverlayShape } from './imageOutcomes.js';

/** A compared model as the report describes it. */
export interface ReportModelInfo {
  id: number;
  name: string;
  variant: string;
  kind: string;
  /** The model file (for imported predictions, the results file). */
  file: string;
  sha256: string;
  /** Execution provider of the model's last run; null when it never ran here. */
  provider: string | null;
  settings: ModelSettings;
}

export interface ReportInput {
  project: { name: string; folder: string };
  appVersion: string;
  /** ISO date and time the report was made. */
  createdAt: string;
  data: EvaluationData;
  /** Model A, then model B; differences are B − A. */
  models: readonly [ReportModelInfo, ReportModelInfo];
  /** Per model, the score at or above which a detection counts in TP/FP/FN, P, R and F1. */
  scoreThresholds: readonly [number, number];
  /** One of the evaluation's IoU thresholds (0.50, 0.55, … 0.95). */
  iouThreshold: number;
  /** How many images the gallery shows (default 6). */
  galleryCount?: number;
  /** Remarks about the data gathered (predictions missing, …), shown in the report. */
  notes?: string[];
}

/** Interpolated precision at each recall level (pycocotools' recThrs); -1 where no ground truth counts. */
export interface PrCurves {
  iou50: number[];
  iou75: number[];
  /** The mean over IoU 0.50:0.95, whose mean over recall is AP. */
  mean: number[];
}

export interface ModelEvaluation {
  stats: Stats;
  /** The 12 lines pycocotools prints. */
  summary: string;
  curves: PrCurves;
  /** At the report's IoU threshold and the model's score threshold. */
  operatingPoint: OperatingPoint;
}

export interface ReportSection {
  iouType: IouType;
  results: [ModelEvaluation, ModelEvaluation];
  /** Per model, TIDE's error breakdown by this IoU type. */
  tide: [TideEntry, TideEntry];
}

export interface GalleryCounts {
  tp: number;
  fp: number;
  fn: number;
  below: number;
}

/** What the gallery shows of one model on one image. */
interface Overlay {
  shapes: OverlayShape[];
  below: number;
}

export interface GalleryEntry {
  imageId: number;
  fileName: string;
  width: number;
  height: number;
  /** Per model: the image's AP@[.50:.95] (bbox), null without ground truth. */
  ap: [number | null, number | null];
  /** Per model: TP, FP, FN, and detections scored below the score threshold. */
  counts: [GalleryCounts, GalleryCounts];
  shapes: [OverlayShape[], OverlayShape[]];
}

export interface ReportModel {
  project: ReportInput['project'];
  appVersion: string;
  createdAt: string;
  models: readonly [ReportModelInfo, ReportModelInfo];
  scoreThresholds: readonly [number, number];
  /** The IoU threshold of the counts, to two places (0.9, where params.iouThrs holds 0.8999999999999999). */
  iouThreshold: number;
  params: {
    iouThrs: readonly number[];
    recThrs: readonly number[];
    maxDets: readonly number[];
    areaRng: readonly (readonly [number, number])[];
    areaRngLbl: readonly string[];
    useCats: boolean;
  };
  counts: { images: number; groundTruth: number; categories: string[]; detections: [number, number] };
  sections: ReportSection[];
  /** Per model, MR⁻² by box; null when the project has no pedestrian category. */
  missRate: [MissRateEntry, MissRateEntry] | null;
  /** A against B by box: the person-by-person diff, the bootstrap, operating points and label errors. */
  comparison: ReportComparison;
  /** Per IoU type, image and model. */
  images: ImageRow[];
  /** Per IoU type, image and model: every detection, then the ground truths it missed. */
  boxes: BoxRow[];
  gallery: GalleryEntry[];
  notes: string[];
}

/** The position of `value` among the IoU thresholds (which hold 0.8999999999999999 for 0.90, as numpy's do). */
export function iouThresholdIndex(iouThrs: readonly number[], value: number): number {
  const t = iouThrs.findIndex((v) => Math.abs(v - value) < 1e-9);
  if (t < 0) throw new Error(`IoU threshold ${value} is not one of ${iouThrs.map((v) => v.toFixed(2)).join(', ')}`);
  return t;
}

function masksMissing(data: EvaluationData, models: readonly ReportModelInfo[]): string | null {
  const bare = data.groundTruth.filter((a) => !a.mask).length;
  if (bare > 0) return `${bare} ground-truth annotations have no mask`;
  for (const m of models) {
    const predictions = data.predictions[m.id] ?? [];
    if (predictions.length === 0 || predictions.some((p) => !p.mask)) return `${m.name} does not predict masks`;
  }
  return null;
}

function meanCurve(curves: readonly Float64Array[]): number[] {
  return Array.from(curves[0], (_, r) => {
    const values = curves.map((c) => c[r]).filter((v) => v > -1);
    return values.length ? values.reduce((x, y) => x + y, 0) / values.length : -1;
  });
}

function evaluation(ev: CocoEvaluator, t: number, scoreThreshold: number): ModelEvaluation {
  const thrs = ev.params.iouThrs;
  const curves = ev.prCurves();
  return {
    stats: ev.stats(),
    summary: ev.summary(),
    curves: {
      iou50: Array.from(curves[iouThresholdIndex(thrs, 0.5)].interpolated),
      iou75: Array.from(curves[iouThresholdIndex(thrs, 0.75)].interpolated),
      mean: meanCurve(curves.map((c) => c.interpolated)),
    },
    operatingPoint: operatingPoint(curves[t], scoreThreshold),
  };
}

/** Images where the models differ most: largest |AP difference|, then largest difference in errors. */
function pickGallery(rows: readonly ImageRow[], overlays: Map<string, Overlay>, data: EvaluationData, count: number): GalleryEntry[] {
  const byImage = new Map<number, ImageRow[]>();
  for (const row of rows) byImage.set(row.imageId, [...(byImage.get(row.imageId) ?? []), row]);
  const info = new Map(data.images.map((i) => [i.id, i]));
  const ranked = [...byImage.values()]
    .map(([a, b]) => ({
      a,
      b,
      apGap: Math.abs((b.ap ?? 0) - (a.ap ?? 0)),
      errorGap: Math.abs(b.fp + b.fn - (a.fp + a.fn)),
    }))
    .filter((e) => e.apGap > 0 || e.errorGap > 0)
    .sort((p, q) => q.apGap - p.apGap || q.errorGap - p.errorGap);
  return ranked.slice(0, count).map(({ a, b }) => {
    const image = info.get(a.imageId)!;
    const [oa, ob] = [a, b].map((r) => overlays.get(`${r.modelId}:${r.imageId}`) ?? { shapes: [], below: 0 });
    return {
      imageId: a.imageId,
      fileName: a.fileName,
      width: image.width,
      height: image.height,
      ap: [a.ap, b.ap],
      counts: [
        { tp: a.tp, fp: a.fp, fn: a.fn, below: oa.below },
        { tp: b.tp, fp: b.fp, fn: b.fn, below: ob.below },
      ],
      shapes: [oa.shapes, ob.shapes],
    };
  });
}

/** Evaluates both models (bbox, and segm when every ground truth and prediction has a mask) into the report's content. */
export function buildReport(input: ReportInput): ReportModel {
  const { data, models } = input;
  const notes = [...(input.notes ?? [])];
  for (const model of models) {
    const mismatch = categoryMismatch(data.groundTruth, data.predictions[model.id] ?? [], data.categories, model.name);
    if (mismatch) notes.push(mismatch);
  }
  const noMasks = masksMissing(data, models);
  if (noMasks) notes.push(`Mask (segm) results are left out: ${noMasks}.`);
  const iouTypes: IouType[] = noMasks ? ['bbox'] : ['bbox', 'segm'];

  const sections: ReportSection[] = [];
  const images: ImageRow[] = [];
  const boxes: BoxRow[] = [];
  const overlays = new Map<string, Overlay>();
  let params: CocoEvaluator['params'] | null = null;
  let boxEvaluators: [CocoEvaluator, CocoEvaluator] | null = null;
  let missRates: (MissRateEntry | null)[] = [];
  for (const iouType of iouTypes) {
    const evaluators = models.map((m) => new CocoEvaluator(evalInputFor(data, m.id), { iouType }));
    const diagnostics = models.map((m) => diagnosticsOf(data, m.id, iouType));
    if (iouType === 'bbox') {
      boxEvaluators = [evaluators[0], evaluators[1]];
      missRates = diagnostics.map((d) => d.missRate);
    }
    const detectionBoxes = models.map((m) => new Map((data.predictions[m.id] ?? []).map((p) => [p.id, p.bbox] as const)));
    params = evaluators[0].params;
    const t = iouThresholdIndex(params.iouThrs, input.iouThreshold);
    sections.push({
      iouType,
      results: [evaluation(evaluators[0], t, input.scoreThresholds[0]), evaluation(evaluators[1], t, input.scoreThresholds[1])],
      tide: [diagnostics[0].tide, diagnostics[1].tide],
    });
    const summaries = evaluators.map((ev) => new Map(ev.imageSummaries().map((s) => [s.imageId, s])));
    const fileNames = new Map(data.images.map((i) => [i.id, i.fileName]));
    const groundTruths = new Map(data.groundTruth.map((a) => [a.id, a.bbox] as const));
    const groundTruthMasks = new Map(data.groundTruth.flatMap((a) => (a.mask ? [[a.id, a.mask] as const] : [])));
    const detectionMasks = models.map((mod) => new Map((data.predictions[mod.id] ?? []).flatMap((p) => (p.mask ? [[p.id, p.mask] as const] : []))));
    for (const imageId of evaluators[0].imageIds as number[]) {
      models.forEach((model, m) => {
        const summary = summaries[m].get(imageId)!;
        const outcomes = imageOutcomes(evaluators[m].imageResult(imageId), t, input.scoreThresholds[m], {
          detections: detectionBoxes[m],
          groundTruths,
          detectionMasks: detectionMasks[m],
          groundTruthMasks,
        });
        const where = { iouType, modelId: model.id, model: model.name, imageId, fileName: fileNames.get(imageId)! };
        images.push({
          ...where,
          ap: summary.ap < 0 ? null : summary.ap,
          ap50: summary.ap50 < 0 ? null : summary.ap50,
          numGt: summary.numGt,
          numDt: summary.numDt,
          tp: outcomes.tp,
          fp: outcomes.fp,
          fn: outcomes.fn,
        });
        for (const box of outcomes.boxes) boxes.push({ ...where, ...box });
        const below = outcomes.boxes.filter((b) => b.result === 'below threshold').length;
        if (iouType === 'bbox') overlays.set(`${model.id}:${imageId}`, { shapes: outcomes.shapes, below });
      });
    }
  }

  const p = params!;
  const iouThreshold = Number(p.iouThrs[iouThresholdIndex(p.iouThrs, input.iouThreshold)].toFixed(2));
  const [mrA, mrB] = missRates;
  return {
    project: input.project,
    appVersion: input.appVersion,
    createdAt: input.createdAt,
    models,
    scoreThresholds: input.scoreThresholds,
    iouThreshold,
    params: { iouThrs: p.iouThrs, recThrs: p.recThrs, maxDets: p.maxDets, areaRng: p.areaRng, areaRngLbl: p.areaRngLbl, useCats: p.useCats },
    counts: {
      images: data.images.length,
      groundTruth: data.groundTruth.length,
      categories: data.categories.map((c) => c.name),
      detections: [data.predictions[models[0].id]?.length ?? 0, data.predictions[models[1].id]?.length ?? 0],
    },
    sections,
    missRate: mrA && mrB ? [mrA, mrB] : null,
    comparison: reportComparison(data, [models[0].id, models[1].id], boxEvaluators!, input.scoreThresholds, iouThreshold),
    images,
    boxes,
    gallery: pickGallery(
      images.filter((r) => r.iouType === 'bbox'),
      overlays,
      data,
      input.galleryCount ?? 6,
    ),
    notes,
  };
}
