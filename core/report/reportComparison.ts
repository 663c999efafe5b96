import { abDiff, type FalseAlarmKind, type InstanceKind } from '../compare/abDiff.js';
import { pairedBootstrap, type BootstrapResult } from '../compare/bootstrap.js';
import { evalInputFor } from '../compare/evalInput.js';
import { labelErrors, type LabelErrorCase } from '../compare/labelErrors.js';
import { missRateInput, modelDiagnostics } from '../compare/modelDiagnostics.js';
import { operatingPoints, type OperatingPoints } from '../compare/operatingPoints.js';
import { evaluatePair, pairImages, type PairedImage } from '../compare/pairedImages.js';
import type { CocoEvaluator } from '../eval/cocoEval.js';
import type { MissRatePoint } from '../eval/missRate/missRateCurve.js';
import { missRateSummary, type MissRateSummary } from '../eval/missRate/missRateSummary.js';
import type { MissRateSetupName } from '../eval/missRate/setups.js';
import type { TideMainError } from '../eval/tide/tideErrors.js';
import { tideSummary, type TideSummary } from '../eval/tide/tideSummary.js';
import type { Detection } from '../eval/types.js';
import type { EvaluationData } from '../ipc/types.js';
import { resampledMissRate } from './resampledMissRate.js';

/** One model's TIDE error breakdown over one IoU type. */
export interface TideEntry {
  /** ΔAP fractions under tidecv's names, as `pedlab eval --tide` writes them. */
  summary: TideSummary;
  /** tidecv's own AP at IoU 0.5. */
  ap: number;
  counts: Readonly<Record<TideMainError, number>>;
}

/** One model's log-average miss rates (pedestrians, by box). */
export interface MissRateEntry {
  summary: MissRateSummary;
  /** Per setup, the miss rate at the nine FPPI points MR⁻² averages. */
  samples: Record<MissRateSetupName, readonly MissRatePoint[]>;
  /** Miss rate against FPPI in the Reasonable setup, one point per detection that is not ignored. */
  reasonableCurve: readonly MissRatePoint[];
}

/** A label-error case with the names a reader needs. */
export interface ReportLabelError extends LabelErrorCase {
  fileName: string;
  category: string;
}

/** Model A against model B, by box (as `pedlab compare` computes it). */
export interface ReportComparison {
  /** The report's IoU threshold, at which people and false alarms are counted. */
  iouThreshold: number;
  /** Per model, the score threshold its detections are kept at before the two are paired. */
  scoreThresholds: readonly [number, number];
  instances: Record<InstanceKind, number>;
  falseAlarms: Record<FalseAlarmKind, number>;
  /** B − A of AP, AP50, AR100 and (with a pedestrian category) Reasonable MR⁻² over every detection, with 95% paired-bootstrap intervals. */
  bootstrap: BootstrapResult;
  /** Per model: best F1 and 0.1 false alarms per image (IoU 0.50, all areas, maxDets 100). */
  operatingPoints: readonly [OperatingPoints, OperatingPoints];
  labelErrors: {
    unlabelled: number;
    loose: number;
    /** The first cases of the ranking. */
    top: ReportLabelError[];
  };
}

export const BOOTSTRAP_SEED = 1;
export const BOOTSTRAP_RESAMPLES = 1000;
export const LABEL_ERRORS_SHOWN = 20;
/** The bootstrap's name of the Reasonable setup's MR⁻². */
export const MISS_RATE_METRIC = 'MR⁻² (Reasonable)';

/** One model's TIDE breakdown and, by box, its miss rates (null without a pedestrian category). */
export function diagnosticsOf(data: EvaluationData, modelId: number, iouType: 'bbox' | 'segm'): { tide: TideEntry; missRate: MissRateEntry | null } {
  const { tide, missRate } = modelDiagnostics(data, modelId, iouType);
  const entry: TideEntry = { summary: tideSummary(tide), ap: tide.ap, counts: tide.errorCounts };
  if (!missRate) return { tide: entry, missRate: null };
  const samples = Object.fromEntries(Object.entries(missRate).map(([name, r]) => [name, r.samples])) as MissRateEntry['samples'];
  return { tide: entry, missRate: { summary: missRateSummary(missRate), samples, reasonableCurve: missRate.reasonable.curve } };
}

/**
 * The person-by-person diff. Each model keeps its own detections scored at least its own threshold; the two
 * kept sets are evaluated and paired, and every kept detection counts. The matching of the kept detections is
 * the one of the full evaluation (greedy best score first), so with equal thresholds this is `abDiff` at that
 * threshold.
 */
function diffAtThresholds(data: EvaluationData, modelIds: readonly [number, number], scoreThresholds: readonly [number, number], iouThreshold: number) {
  const { images, categories, groundTruth } = evalInputFor(data, modelIds[0]);
  const kept = modelIds.map((id, m) => evalInputFor(data, id).detections.filter((d: Detection) => d.score >= scoreThresholds[m]));
  const pair = evaluatePair({ images, categories, groundTruth }, kept[0], kept[1], { iouType: 'bbox' });
  return abDiff(pair.images, { iouThrs: pair.a.params.iouThrs, iouThr: iouThreshold, scoreThreshold: -Infinity });
}

/** Everything `pedlab compare` says of two models, from the report's own box evaluations (`evaluators`: A's, B's). */
export function reportComparison(
  data: EvaluationData,
  modelIds: readonly [number, number],
  evaluators: readonly [CocoEvaluator, CocoEvaluator],
  scoreThresholds: readonly [number, number],
  iouThreshold: number,
): ReportComparison {
  const detections = modelIds.map((id) => evalInputFor(data, id).detections);
  const images: PairedImage[] = pairImages(
    evalInputFor(data, modelIds[0]).groundTruth,
    { evaluator: evaluators[0], detections: detections[0] },
    { evaluator: evaluators[1], detections: detections[1] },
  );
  const diff = diffAtThresholds(data, modelIds, scoreThresholds, iouThreshold);
  const [missA, missB] = modelIds.map((id) => missRateInput(data, id));
  const extraMetrics =
    missA && missB
      ? [
          resampledMissRate(
            MISS_RATE_METRIC,
            'reasonable',
            missA,
            missB,
            images.map((im) => im.imageId),
          ),
        ]
      : [];
  const bootstrap = pairedBootstrap(
    images.map((im) => im.a.result),
    images.map((im) => im.b.result),
    evaluators[0].params,
    { seed: BOOTSTRAP_SEED, resamples: BOOTSTRAP_RESAMPLES, extraMetrics },
  );
  const points = evaluators.map((ev) => operatingPoints(ev.prCurve({ iouThr: 0.5 }), images.length));
  const cases = labelErrors(images);
  const fileNames = new Map(data.images.map((i) => [i.id, i.fileName]));
  const categories = new Map(data.categories.map((c) => [c.id, c.name]));
  const unlabelled = cases.filter((c) => c.kind === 'unlabelled').length;
  return {
    iouThreshold,
    scoreThresholds,
    instances: diff.instances,
    falseAlarms: diff.falseAlarms,
    bootstrap,
    operatingPoints: [points[0], points[1]],
    labelErrors: {
      unlabelled,
      loose: cases.length - unlabelled,
      top: cases.slice(0, LABEL_ERRORS_SHOWN).map((c) => ({
        ...c,
        fileName: fileNames.get(c.imageId as number) ?? String(c.imageId),
        category: categories.get(c.categoryId) ?? String(c.categoryId),
      })),
    },
  };
}
