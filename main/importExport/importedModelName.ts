import { basename, extname } from 'node:path';
import { failIn } from '../../core/formats/formatError.js';
import type { ProjectStore } from '../store/projectStore.js';

/**
 * The name of the model a file of detections is stored as. Models are matched by file: importing the same file again
 * replaces that model's predictions and keeps its name. A different --model-name would rename the model the earlier
 * import made, so it is refused; a second model needs a copy of the file under another path.
 */
export function importedModelName(store: ProjectStore, modelPath: string, requested: string | undefined): string {
  const existing = store.models.byPath(modelPath);
  if (!existing) return requested ?? basename(modelPath, extname(modelPath));
  if (requested !== undefined && requested !== existing.name) {
    failIn(
      modelPath,
      '',
      `is already imported as model "${existing.name}" (id ${existing.id}); importing it as "${requested}" would rename that model. ` +
        `Import it again without --model-name (or with --model-name "${existing.name}") to replace its predictions, ` +
        'or copy the file to another path to keep both models',
    );
  }
  return existing.name;
}
