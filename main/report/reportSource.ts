import { existsSync } from 'node:fs';
import type { ReportInput, ReportModelInfo } from '../../core/report/reportModel.js';
import { PedlabError } from '../errors.js';
import type { InferenceService } from '../inference/inferenceService.js';
import { predictionKey } from '../inference/modelSettings.js';
import { evaluationData } from '../project/evaluationData.js';
import type { StoredModel } from '../store/modelsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import { appVersion } from '../version.js';

export interface ReportOptions {
  /** Model A, then model B. */
  modelIds: [number, number];
  /** One threshold for both models, or A's and B's; each model's display threshold when absent. */
  scoreThreshold?: number | readonly [number, number];
  /** Default 0.5. */
  iouThreshold?: number;
}

/** A model of the project by id, name or variant (case-insensitive); refuses unknown and ambiguous ones. */
export function findModel(store: ProjectStore, ref: string): StoredModel {
  const models = store.models.all();
  const byId = /^\d+$/.test(ref) ? models.find((m) => m.id === Number(ref)) : undefined;
  if (byId) return byId;
  const wanted = ref.toLowerCase();
  for (const field of ['name', 'variant'] as const) {
    const found = models.filter((m) => m[field].toLowerCase() === wanted);
    if (found.length === 1) return found[0];
    if (found.length > 1) throw new PedlabError('model-ambiguous', `Several models are called "${ref}"; give its id (${found.map((m) => m.id).join(', ')}).`);
  }
  const known = models.map((m) => `  ${m.id}  ${m.name}${m.variant ? ` (${m.variant})` : ''}`).join('\n');
  throw new PedlabError('model-unknown', `No model "${ref}" in this project. Its models:\n${known || '  none'}`);
}

/** Images the model has no stored predictions for (under its current file and settings). */
async function imagesWithoutPredictions(store: ProjectStore, model: StoredModel, imageIds: number[]): Promise<number> {
  let missing = 0;
  for (const id of imageIds) {
    const sha256 = store.images.get(id)?.sha256;
    if (!sha256 || !store.predictions.has(await predictionKey(store, model, sha256))) missing++;
  }
  return missing;
}

/** What the report is made from: the models' details and thresholds and the project's evaluation data. */
export async function reportInput(store: ProjectStore, inference: InferenceService, options: ReportOptions): Promise<ReportInput> {
  const models = options.modelIds.map((id) => {
    const model = store.models.get(id);
    if (!model) throw new PedlabError('model-unknown', `No model ${id} in this project.`);
    return model;
  });
  const data = await evaluationData(store, inference, options.modelIds);
  const notes: string[] = [];
  for (const model of models) {
    if (!existsSync(model.path)) {
      notes.push(`${model.name}: its file ${model.path} is missing, so its predictions cannot be looked up.`);
      continue;
    }
    const missing = await imagesWithoutPredictions(
      store,
      model,
      data.images.map((i) => i.id),
    );
    if (missing > 0) notes.push(`${model.name} has not been run on ${missing} of the ${data.images.length} images; they count as images without detections.`);
  }
  const info = (m: StoredModel): ReportModelInfo => ({
    id: m.id,
    name: m.name,
    variant: m.variant,
    kind: m.kind,
    file: m.path,
    sha256: m.sha256,
    provider: store.predictions.lastProvider(m.id),
    settings: m.settings,
  });
  return {
    project: { name: store.meta.get('name') ?? '', folder: store.meta.get('folder') ?? '' },
    appVersion: appVersion(),
    createdAt: new Date().toISOString(),
    data,
    models: [info(models[0]), info(models[1])],
    scoreThresholds: models.map((m, i) => {
      const t = options.scoreThreshold;
      return t === undefined ? m.settings.displayThreshold : typeof t === 'number' ? t : t[i];
    }) as [number, number],
    iouThreshold: options.iouThreshold ?? 0.5,
    notes,
  };
}
