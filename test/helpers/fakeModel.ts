import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MODEL_SETTINGS } from '../../core/detect/types.js';
import { fileSha256 } from '../../main/inference/modelFile.js';
import type { ProjectStore } from '../../main/store/projectStore.js';

/** A model row over a file of random bytes, for runs through the fake worker or synthetic predictions. */
export async function registerFakeModel(store: ProjectStore, dir: string, name: string): Promise<number> {
  const path = join(dir, `${name}.onnx`);
  writeFileSync(path, randomBytes(256));
  return store.models.upsert({
    name,
    variant: 'fake',
    path,
    sha256: await fileSha256(path),
    kind: 'yolox',
    classes: ['person'],
    settings: DEFAULT_MODEL_SETTINGS,
    bundled: false,
  });
}
