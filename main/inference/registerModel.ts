import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { defaultClasses } from '../../core/detect/classes.js';
import { kindLabel } from '../../core/detect/signature.js';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../core/detect/types.js';
import { PedlabError } from '../errors.js';
import type { StoredModel } from '../store/modelsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import { fileSha256 } from './modelFile.js';
import { defaultThreads } from './modelSettings.js';
import type { SessionPool } from './sessionPool.js';

export interface AddModelRequest {
  path: string;
  name?: string;
  variant?: string;
  settings?: Partial<ModelSettings>;
}

/**
 * Opens a model file in a worker to read its signature, then registers it in the project (or refreshes the
 * registration of the same file). Files that are not detectors Pedlab runs are refused with the reason.
 */
export async function registerModelFile(store: ProjectStore, pool: SessionPool, request: AddModelRequest): Promise<StoredModel> {
  const path = resolve(request.path);
  if (!existsSync(path)) throw new PedlabError('model-missing', `Model file not found: ${path}`);
  const sha256 = await fileSha256(path);
  const { info } = await pool.open(path, sha256, defaultThreads());
  const signature = info.signature;
  const existing = store.models.byPath(path);
  const id = store.models.upsert({
    name: request.name ?? existing?.name ?? basename(path).replace(/\.onnx$/i, ''),
    variant: request.variant ?? existing?.variant ?? info.variant ?? kindLabel(signature.kind),
    path,
    sha256,
    kind: signature.kind,
    classes: info.classes ?? defaultClasses(signature.kind, signature.kind === 'yolox' ? signature.classCount : undefined),
    settings: { ...(existing?.settings ?? DEFAULT_MODEL_SETTINGS), ...request.settings },
    bundled: existing?.bundled ?? false,
  });
  return store.models.get(id)!;
}
