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
  process.env.PEDLAB_INFERENCE_WORKER = await bundleWorker(join(repoRoot, 'main', 'inference', 'inferenceWorker.ts'), 'inferenceWorker.mjs');
}

/** The protocol without ONNX Runtime (test/helpers/fakeInferenceWorker.ts): fast, and able to crash on cue. */
export async function useFakeInferenceWorker(): Promise<void> {
  process.env.PEDLAB_INFERENCE_WORKER = await bundleWorker(join(HERE, 'fakeInferenceWorker.ts'), 'fakeInferenceWorker.mjs');
}

async function bundleWorker(entry: string, name: string): Promise<string> {
  const dir = join(repoRoot, 'node_modules', '.cache', 'pedlab-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  const temp = `${file}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['onnxruntime-node', 'sharp'],
    logLevel: 'warning',
  });
  renameSync(temp, file);
  return file;
}
