import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector } from '../../../main/inference/detector.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { syntheticPicture } from '../../helpers/inferenceImages.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { addModel } from '../../helpers/onnxBuilder.js';
import { tempDir } from '../../helpers/tempDir.js';

const LONG_AGO = new Date(1_000_000);

describe('models that keep tensors in other files are refused before ONNX Runtime opens them', () => {
  const dir = tempDir();
  const startedIn = process.cwd();
  let services: Services;
  const external = () => join(dir.path, 'models', 'external.onnx');
  const weights = () => join(dir.path, 'weights.bin');
  /** Whether the file was read since `untouched` set its access time back (where the file system records reads). */
  const readSince = (path: string) => statSync(path).atimeMs > LONG_AGO.getTime();
  const untouched = (path: string) => utimesSync(path, LONG_AGO, statSync(path).mtime);

  beforeAll(async () => {
    await useSourceInferenceWorker();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    await syntheticPicture(join(dir.path, 'images', 'a.png'));
    mkdirSync(join(dir.path, 'models'));
    // W = 42, in weights.bin in the working directory, where ONNX Runtime looks for a model given as bytes.
    writeFileSync(weights(), Buffer.from(Float32Array.of(42).buffer));
    writeFileSync(external(), addModel('weights.bin'));
    writeFileSync(join(dir.path, 'models', 'inside.onnx'), addModel());
    process.chdir(dir.path);
    services = new Services({ host: 'web' });
    await services.openFolder(join(dir.path, 'images'));
  });
  afterAll(async () => {
    process.chdir(startedIn);
    await services?.close();
    dir.remove();
  });

  it('given as bytes, ONNX Runtime itself reads the tensor from the working directory, whatever folder the model is in', async () => {
    // Graph optimisation off: with it on, this ONNX Runtime happens to fail on this tiny graph before running it.
    const session = await ort.InferenceSession.create(readFileSync(external()), { executionProviders: ['cpu'], graphOptimizationLevel: 'disabled' });
    const outputs = await session.run({ X: new ort.Tensor('float32', Float32Array.of(0), [1]) });
    await session.release();
    expect([...(outputs.Y.data as Float32Array)]).toEqual([42]);
  });

  it('the same model with its weights inside is a valid ONNX model (refused only as no detector)', async () => {
    await expect(Detector.open(join(dir.path, 'models', 'inside.onnx'), 1)).rejects.toThrow('inside.onnx is not a detector Pedlab can run');
  });

  it('opening or adding it says which tensor lives where and how to fix it, and never reads that file', async () => {
    const message =
      'external.onnx stores tensor "W" outside the file (in weights.bin); Pedlab opens only self-contained models: export it again with the weights inside the file.';
    untouched(weights());
    await expect(Detector.open(external(), 1)).rejects.toThrow(message);
    const reply = await dispatch(services.handlers, 'models.add', { path: external() });
    expect(reply).toMatchObject({ ok: false, error: { code: 'model-refused', message } });
    expect(await services.handlers['models.list']({})).toEqual([]);

    const control = join(dir.path, 'control.bin');
    writeFileSync(control, 'read me');
    untouched(control);
    readFileSync(control);
    if (readSince(control)) expect(readSince(weights())).toBe(false);
    else console.warn('not checking that weights.bin stayed unread: this file system does not record reads');
  });
});
