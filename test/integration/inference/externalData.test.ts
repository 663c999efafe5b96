import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector } from '../../../main/inference/detector.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { syntheticPicture } from '../../helpers/inferenceImages.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { addModel } from '../../helpers/onnxBuilder.js';
import { tempDir } from '../../helpers/tempDir.js';

describe('models that keep tensors in other files are refused before ONNX Runtime opens them', () => {
  const dir = tempDir();
  let services: Services;
  const external = () => join(dir.path, 'external.onnx');

  beforeAll(async () => {
    await useSourceInferenceWorker();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    await syntheticPicture(join(dir.path, 'images', 'a.png'));
    // The weights file is there, where ONNX Runtime would look for it: Pedlab must not read it.
    writeFileSync(join(dir.path, 'weights.bin'), Buffer.from(Float32Array.of(1).buffer));
    writeFileSync(external(), addModel(join(dir.path, 'weights.bin')));
    writeFileSync(join(dir.path, 'inside.onnx'), addModel());
    services = new Services({ host: 'web' });
    await services.openFolder(join(dir.path, 'images'));
  });
  afterAll(async () => {
    await services?.close();
    dir.remove();
  });

  it('the same model with its weights inside is a valid ONNX model (refused only as no detector)', async () => {
    await expect(Detector.open(join(dir.path, 'inside.onnx'), 1)).rejects.toThrow('inside.onnx is not a detector Pedlab can run');
  });

  it('opening it says which tensor lives where, and how to fix it', async () => {
    const message = `external.onnx stores tensor "W" outside the file (in ${join(dir.path, 'weights.bin')}); Pedlab opens only self-contained models: export it again with the weights inside the file.`;
    await expect(Detector.open(external(), 1)).rejects.toThrow(message);
    const reply = await dispatch(services.handlers, 'models.add', { path: external() });
    expect(reply).toMatchObject({ ok: false, error: { code: 'model-refused', message } });
    expect(await services.handlers['models.list']({})).toEqual([]);
  });
});
