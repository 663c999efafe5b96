import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const repoRoot = join(HERE, '..', '..');

/**
 * Tests run main/ from source, but a worker thread needs JavaScript: bundle the inference worker (inside the
 * repository, so its imports of onnxruntime-node and sharp resolve) and point PEDLAB_INFERENCE_WORKER at it.
 */
export async function useSourceInferenceWorker(): Promise<void> {
  const dir = join(repoRoot, 'node_modules', '.cache', 'pedlab-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'inferenceWorker.mjs');
  const temp = `${file}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(repoRoot, 'main', 'inference', 'inferenceWorker.ts')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['onnxruntime-node', 'sharp'],
    logLevel: 'warning',
  });
  renameSync(temp, file);
  process.env.PEDLAB_INFERENCE_WORKER = file;
}
