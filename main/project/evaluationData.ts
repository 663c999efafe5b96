import type { EvaluationData, ImagePrediction } from '../../core/ipc/types.js';
import type { InferenceService } from '../inference/inferenceService.js';
import type { ProjectStore } from '../store/projectStore.js';

/** The visible fraction each annotation's source gave: CityPersons' and CrowdHuman's `vis_ratio`, MOTChallenge's `visibility`. */
function visibilityOf(store: ProjectStore): Record<number, number> {
  const out: Record<number, number> = {};
  for (const a of store.annotations.allWithAttributes()) {
    const v = a.attributes.vis_ratio ?? a.attributes.visibility;
    if (typeof v === 'number' && Number.isFinite(v)) out[a.id] = v;
  }
  return out;
}

/** The project's readable images, ground truth and the given models' cached predictions, for evaluation. */
export async function evaluationData(store: ProjectStore, inference: InferenceService, modelIds: number[]): Promise<EvaluationData> {
  const images = store.images
    .all()
    .filter((i) => !i.error && i.width !== null && i.height !== null)
    .map((i) => ({ id: i.id, fileName: i.fileName, width: i.width!, height: i.height! }));
  const groundTruth = images.flatMap((i) => store.annotations.forImage(i.id));
  const predictions: Record<number, ImagePrediction[]> = {};
  for (const modelId of modelIds) {
    const perImage = await Promise.all(images.map(async (i) => (await inference.predictions(i.id, modelId)).map((p) => ({ ...p, imageId: i.id }))));
    predictions[modelId] = perImage.flat();
  }
  return { images, categories: store.categories.all(), groundTruth, visibility: visibilityOf(store), predictions };
}
