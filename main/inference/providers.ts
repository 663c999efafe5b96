import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';

export interface Provider {
  /** ONNX Runtime's name for the execution provider. */
  id: 'cuda' | 'dml' | 'coreml' | 'cpu';
  /** What the UI shows. */
  label: string;
}

const CUDA: Provider = { id: 'cuda', label: 'CUDA' };
const DIRECTML: Provider = { id: 'dml', label: 'DirectML' };
const COREML: Provider = { id: 'coreml', label: 'CoreML' };
const CPU: Provider = { id: 'cpu', label: 'CPU' };

/** The folder holding onnxruntime-node's native libraries for this platform. */
function nativeDir(): string {
  const entry = createRequire(import.meta.url).resolve('onnxruntime-node');
  return join(dirname(entry), '..', 'bin', 'napi-v6', process.platform, process.arch);
}

/** True once `npm run enable-gpu` has fetched the CUDA provider next to the native binding. */
export function cudaInstalled(): boolean {
  const file = process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
  return existsSync(join(nativeDir(), file));
}

/** The providers to try, best first: CUDA where installed, DirectML on Windows, CoreML on macOS, then the CPU. */
export function providerOrder(platform: NodeJS.Platform = process.platform, withCuda = cudaInstalled()): Provider[] {
  return [...(withCuda && platform !== 'darwin' ? [CUDA] : []), ...(platform === 'win32' ? [DIRECTML] : []), ...(platform === 'darwin' ? [COREML] : []), CPU];
}

export interface OpenedSession {
  session: ort.InferenceSession;
  provider: Provider;
}

/**
 * Opens a session on the first provider that accepts the model. Each provider is tried alone, so the one
 * reported is the one in use (a list would let ONNX Runtime fall back silently). The model is given as bytes,
 * read through Node's fs, so a model packed in the app's asar archive opens too.
 */
export async function openSession(model: Uint8Array, threads: number, order = providerOrder()): Promise<OpenedSession> {
  const failures: string[] = [];
  for (const provider of order) {
    try {
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [provider.id],
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
      return { session, provider };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (provider.id === 'cpu') throw new Error(message);
      failures.push(`${provider.label}: ${message.split('\n')[0]}`);
    }
  }
  throw new Error(`no execution provider could open the model (${failures.join('; ')})`);
}
