import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { syntheticPicture } from '../../helpers/inferenceImages.js';
import { tempDir } from '../../helpers/tempDir.js';
import { testModels } from '../../helpers/testModels.js';

const models = testModels();

describe.skipIf(!models)('models that are not detectors Pedlab runs are refused, saying why', () => {
  const dir = tempDir();
  let services: Services;

  beforeAll(async () => {
    await useSourceInferenceWorker();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    await syntheticPicture(join(dir.path, 'images', 'a.png'));
    services = new Services({ host: 'web' });
    await services.openFolder(join(dir.path, 'images'));
  });
  afterAll(async () => {
    await services?.close();
    dir.remove();
  });

  const add = (path: string) => dispatch(services.handlers, 'models.add', { path });

  it('a corrupt file: ONNX Runtime cannot parse it', async () => {
    const path = join(dir.path, 'corrupt.onnx');
    const good = readFileSync(models!.maskrcnn);
    writeFileSync(path, Buffer.concat([good.subarray(0, 4000), Buffer.from('garbage'.repeat(100))]));
    const reply = await add(path);
    expect(reply).toMatchObject({ ok: false, error: { code: 'model-refused' } });
    expect(!reply.ok && reply.error.message).toMatch(/^corrupt\.onnx is not an ONNX model ONNX Runtime can open \(.*protobuf parsing failed\)\.$/i);
  });

  it('a classifier: names the inputs and outputs found and those expected', async () => {
    const reply = await add(models!.classifier);
    expect(!reply.ok && reply.error.code).toBe('model-refused');
    const message = !reply.ok ? reply.error.message : '';
    expect(message).toContain('classifier.onnx is not a detector Pedlab can run');
    expect(message).toContain('Found inputs input float32 [1,3,64,64]; outputs logits float32 [1,10]');
    expect(message).toContain(
      'Expected a torchvision Mask R-CNN: input float32 [3,H,W] (or [1,3,H,W]) RGB 0..1; outputs boxes [N,4], labels [N], scores [N], masks [N,1,H,W]',
    );
    expect(message).toContain('YOLOX-style detector: input float32 [1,3,H,W] BGR 0..255; one output float32 [1,N,5+C]');
  });

  it('a Mask R-CNN whose outputs are named differently', async () => {
    const reply = await add(models!.renamedOutputs);
    const message = !reply.ok ? reply.error.message : '';
    expect(message).toContain('renamed_outputs.onnx is not a detector Pedlab can run: its outputs match no detector Pedlab knows');
    expect(message).toContain('outputs dets float32 [N,4], classes int64 [N], conf float32 [N], segm float32 [N,1,height,width]');
    expect(message).toContain('outputs boxes [N,4], labels [N], scores [N]');
  });

  it('a file that is not there, and an empty one', async () => {
    const missing = await add(join(dir.path, 'nowhere.onnx'));
    expect(missing).toMatchObject({ ok: false, error: { code: 'model-missing', message: `Model file not found: ${join(dir.path, 'nowhere.onnx')}` } });
    writeFileSync(join(dir.path, 'empty.onnx'), '');
    const empty = await add(join(dir.path, 'empty.onnx'));
    expect(empty).toMatchObject({ ok: false, error: { code: 'model-refused', message: 'empty.onnx is empty (0 bytes), not an ONNX model.' } });
  });

  it('refused files are not listed; an accepted one is', async () => {
    copyFileSync(models!.maskrcnn, join(dir.path, 'good.onnx'));
    const reply = await add(join(dir.path, 'good.onnx'));
    expect(reply).toMatchObject({ ok: true, value: { name: 'good', variant: 'Mask R-CNN', kind: 'maskrcnn', classes: ['__background__', 'pedestrian'] } });
    const list = await dispatch(services.handlers, 'models.list', {});
    expect(list.ok && (list.value as { name: string }[]).map((m) => m.name)).toEqual(['good']);
  });
});
