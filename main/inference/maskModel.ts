import { existsSync } from 'node:fs';
import type { InferenceSettings } from '../../core/detect/types.js';
import type { Box } from '../../core/geometry/box.js';
import type { BoxMask } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import type { StoredImage } from '../store/imagesRepository.js';
import type { StoredModel } from '../store/modelsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import { noMasksReason } from './boxMasks.js';
import type { ModelWorker } from './inferenceWorkerClient.js';
import { fileSha256 } from './modelFile.js';
import { defaultThreads, inferenceSettings } from './modelSettings.js';
import type { SessionPool } from './sessionPool.js';

/** A project's Mask R-CNN, open in its worker, ready to turn boxes into masks. */
export interface MaskModel {
  modelId: number;
  name: string;
  worker: ModelWorker;
  settings: InferenceSettings;
}

/** The project's model, if box to mask can use it: known, a Mask R-CNN (else 'model-no-masks'), its file there. */
export function maskModelRecord(store: ProjectStore, modelId: number): StoredModel {
  const model = store.models.get(modelId);
  if (!model) throw new PedlabError('model-unknown', `No model ${modelId} in this project.`);
  const refusal = model.kind === 'imported' ? 'it holds imported predictions, not a model that can run.' : noMasksReason(model.kind);
  if (refusal) throw new PedlabError('model-no-masks', `${model.name}: ${refusal}`);
  if (!existsSync(model.path)) throw new PedlabError('model-missing', `Model file not found: ${model.path}`);
  return model;
}

/**
 * Opens a project's model for box to mask (its session shared with runs of the same file); refuses models that
 * give no masks (Faster R-CNN, YOLOX, imported predictions) with code 'model-no-masks'.
 */
export async function openMaskModel(store: ProjectStore, pool: SessionPool, modelId: number): Promise<MaskModel> {
  const model = maskModelRecord(store, modelId);
  const sha256 = await fileSha256(model.path);
  if (sha256 !== model.sha256) store.models.setSha256(model.id, sha256);
  const { worker, info } = await pool.open(model.path, sha256, defaultThreads(), true);
  const opened = noMasksReason(info.signature.kind);
  if (opened) throw new PedlabError('model-no-masks', `${model.name}: ${opened}`);
  const categories = store.categories.all().map((c) => c.name);
  return { modelId, name: model.name, worker, settings: inferenceSettings(model.settings, model.classes, categories) };
}

/** The masks a model gives for boxes on one of the project's images, in order. */
export async function masksForImage(model: MaskModel, image: StoredImage, boxes: Box[]): Promise<BoxMask[]> {
  if (image.error || image.width === null || image.height === null) {
    throw new PedlabError('image-unreadable', `${image.fileName} cannot be read: ${image.error}`);
  }
  try {
    return await model.worker.boxMasks({ imageId: image.id, path: image.path }, boxes, model.settings);
  } catch (err) {
    if (err instanceof PedlabError) throw err;
    throw new PedlabError('masks-failed', `${image.fileName}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
