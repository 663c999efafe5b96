import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mapClasses } from '../../core/detect/classes.js';
import type { InferenceSettings, ModelSettings } from '../../core/detect/types.js';
import type { StoredModel } from '../store/modelsRepository.js';
import type { PredictionKey } from '../store/predictionsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import { fileSha256 } from './modelFile.js';

/** What a run feeds the worker: the model's settings with its classes mapped onto the project's categories. */
export function inferenceSettings(settings: ModelSettings, classes: readonly string[], categories: readonly string[]): InferenceSettings {
  return {
    scoreThreshold: settings.scoreThreshold,
    nmsThreshold: settings.nmsThreshold,
    maskThreshold: settings.maskThreshold,
    maxSide: settings.maxSide,
    maxDetections: settings.maxDetections,
    classMap: mapClasses(classes, categories),
  };
}

/** The cache key part that stands for the settings: a short hash of them in a fixed order. */
export function settingsKey(settings: InferenceSettings): string {
  const canonical = JSON.stringify([
    settings.scoreThreshold,
    settings.nmsThreshold,
    settings.maskThreshold,
    settings.maxSide,
    settings.maxDetections,
    settings.classMap,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Threads for each of `concurrent` sessions running at once: the machine's cores shared out. */
export function defaultThreads(concurrent = 1): number {
  return Math.max(1, Math.floor(availableParallelism() / Math.max(1, concurrent)));
}

/** Where a model's predictions for an image are stored under its current file and settings. */
export async function predictionKey(store: ProjectStore, model: StoredModel, imageSha256: string): Promise<PredictionKey> {
  const categories = store.categories.all().map((c) => c.name);
  const key = settingsKey(inferenceSettings(model.settings, model.classes, categories));
  return { modelSha256: await fileSha256(model.path), imageSha256, settingsKey: key };
}
