import { mapClasses } from '../detect/classes.js';
import { evaluateMissRate, type MissRateReport } from '../eval/missRate/missRateEval.js';
import type { MissRateDetection } from '../eval/missRate/imageMatching.js';
import type { PedestrianGroundTruth } from '../eval/missRate/missRateGroundTruth.js';
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
  const [name] = mapClasses(['pedestrian'], data.categories.map((c) => c.name));
  return data.categories.find((c) => c.name === name)?.id ?? null;
}

/**
 * A model's miss rates over the project: its pedestrians as CityPersons' category 1, crowd regions as its
 * `ignore` regions, each box's `vis_ratio` (or MOTChallenge's `visibility`) as its visibility, 1 when it has none.
 */
function missRateFor(data: EvaluationData, modelId: number, pedestrian: number): MissRateReport {
  const category = (id: number) => (id === pedestrian ? PEDESTRIAN_CATEGORY_ID : 0);
  const groundTruth: PedestrianGroundTruth[] = data.groundTruth.map((a) => ({
    id: a.id,
    imageId: a.imageId,
    categoryId: category(a.categoryId),
    bbox: a.bbox,
    height: a.bbox[3],
    visibility: data.visibility[a.id] ?? 1,
    ignore: a.iscrowd,
  }));
  const detections: MissRateDetection[] = (data.predictions[modelId] ?? []).map((p) => ({ imageId: p.imageId, categoryId: category(p.categoryId), score: p.score, bbox: p.bbox }));
  return evaluateMissRate({ imageIds: data.images.map((i) => i.id), annotations: groundTruth }, detections);
}

/** One model's diagnostics over the project, by box or by mask (TIDE's mask mode; MR⁻² is by box only). */
export function modelDiagnostics(data: EvaluationData, modelId: number, iouType: 'bbox' | 'segm'): ModelDiagnostics {
  const input = evalInputFor(data, modelId);
  const tide = tideBreakdown({ images: input.images, groundTruth: input.groundTruth, detections: input.detections }, { mode: iouType });
  const pedestrian = pedestrianCategoryId(data);
  return { modelId, tide, missRate: pedestrian === null ? null : missRateFor(data, modelId, pedestrian) };
}
