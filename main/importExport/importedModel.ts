import { DEFAULT_MODEL_SETTINGS } from '../../core/detect/types.js';
import { fileSha256 } from '../inference/modelFile.js';
import { inferenceSettings, settingsKey } from '../inference/modelSettings.js';
import type { ImportFormat, ImportReport } from '../../core/ipc/types.js';
import type { NewPrediction } from '../store/predictionsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';

/** Detections read from a file, per project image (by its content hash), to be stored as an imported model's. */
export interface ImportedDetections {
  /** The file the detections came from: the model's file, whose hash keys its predictions. */
  path: string;
  name: string;
  variant: string;
  classes: string[];
  perImage: Map<string, NewPrediction[]>;
}

/**
 * Stores detections as the predictions of a synthetic model (`kind: 'imported'`, its file the detections' file),
 * under the cache key the inference service looks predictions up by (no score threshold), in one transaction;
 * importing the same file again replaces them. Answers the model and how many images and predictions were stored.
 */
export async function storeImportedModel(store: ProjectStore, detections: ImportedDetections): Promise<{ id: number; images: number; predictions: number }> {
  const { path, name, variant, classes, perImage } = detections;
  const sha256 = await fileSha256(path);
  const settings = { ...DEFAULT_MODEL_SETTINGS, scoreThreshold: 0 };
  const key = settingsKey(
    inferenceSettings(
      settings,
      classes,
      store.categories.all().map((c) => c.name),
    ),
  );
  let stored = { id: 0, images: 0, predictions: 0 };
  store.transaction(() => {
    const id = store.models.upsert({ name, variant, path, sha256, kind: 'imported', classes, settings, bundled: false });
    stored = { id, images: 0, predictions: 0 };
    for (const [imageSha256, predictions] of perImage) {
      store.predictions.save({ modelSha256: sha256, imageSha256, settingsKey: key }, null, 0, predictions);
      stored.images++;
      stored.predictions += predictions.length;
    }
  });
  return stored;
}

/** The report of a predictions import before anything is stored. */
export function emptyPredictionsReport(format: ImportFormat, source: string): ImportReport {
  return {
    format,
    source,
    images: 0,
    addedImages: 0,
    annotations: 0,
    predictions: 0,
    newCategories: [],
    unreadable: [],
    disagreements: [],
    warnings: [],
    model: null,
  };
}
