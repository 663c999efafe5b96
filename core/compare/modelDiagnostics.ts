import { mapClasses } from '../detect/classes.js';
import { evaluateMissRate, type MissRateReport } from '../eval/missRate/missRateEval.js';
import type { MissRateDetection } from '../eval/missRate/imageMatching.js';
import type { MissRateGroundTruth, PedestrianGroundTruth } from '../eval/missRate/missRateGroundTruth.js';
import { PEDESTRIAN_CATEGORY_ID } from '../eval/missRate/setups.js';
import { tideBreakdown, type TideBreakdown } from '../eval/tide/tideErrors.js';
import type { EvaluationData } from '../ipc/types.js';
import { evalInputFor } from './evalInput.js';

/** What explains one model's numbers: its TIDE error breakdown and its log-average miss rates. */
export interface ModelDiagnostics {
  modelId: number;
  tide: TideBreakdown;
  /** Null when the project has no pedestrian category (MR⁻² scores pedestrians only). */
  missRate: MissRateReport | null;
}

/** The project's pedestrian category (`pedestrian` or an alias such as `person`), if it has one. */
function pedestrianCategoryId(data: EvaluationData): number | null {
  const [name] = mapClasses(
    ['pedestrian'],
    data.categories.map((c) => c.name),
  );
  return data.categories.find((c) => c.name === name)?.id ?? null;
}

/** What the miss-rate evaluation reads of one model over the project. */
export interface MissRateInput {
  readonly groundTruth: MissRateGroundTruth;
  readonly detections: readonly MissRateDetection[];
}

/**
 * A model's miss-rate input over the project: its pedestrians as CityPersons' category 1, crowd regions as its
 * `ignore` regions, each box's `vis_ratio` (or MOTChallenge's `visibility`) as its visibility, 1 when it has
 * none. Null when the project has no pedestrian category.
 */
export function missRateInput(data: EvaluationData, modelId: number): MissRateInput | null {
  const pedestrian = pedestrianCategoryId(data);
  if (pedestrian === null) return null;
  const category = (id: number) => (id === pedestrian ? PEDESTRIAN_CATEGORY_ID : 0);
  const annotations: PedestrianGroundTruth[] = data.groundTruth.map((a) => ({
    id: a.id,
    imageId: a.imageId,
    categoryId: category(a.categoryId),
    bbox: a.bbox,
    height: a.bbox[3],
    visibility: data.visibility[a.id] ?? 1,
    ignore: a.iscrowd,
  }));
  const detections: MissRateDetection[] = (data.predictions[modelId] ?? []).map((p) => ({
    imageId: p.imageId,
    categoryId: category(p.categoryId),
    score: p.score,
    bbox: p.bbox,
  }));
  return { groundTruth: { imageIds: data.images.map((i) => i.id), annotations }, detections };
}

/** One model's diagnostics over the project, by box or by mask (TIDE's mask mode; MR⁻² is by box only). */
export function modelDiagnostics(data: EvaluationData, modelId: number, iouType: 'bbox' | 'segm'): ModelDiagnostics {
  const input = evalInputFor(data, modelId);
  const tide = tideBreakdown({ images: input.images, groundTruth: input.groundTruth, detections: input.detections }, { mode: iouType });
  const missRate = missRateInput(data, modelId);
  return { modelId, tide, missRate: missRate && evaluateMissRate(missRate.groundTruth, missRate.detections) };
}
