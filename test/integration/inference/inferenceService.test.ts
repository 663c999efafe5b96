import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InferenceStatus, ModelEntry } from '../../../core/ipc/types.js';
import { Services } from '../../../main/services.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { syntheticPicture } from '../../helpers/inferenceImages.js';
import { tempDir } from '../../helpers/tempDir.js';
import { testModels } from '../../helpers/testModels.js';

const models = testModels();
const IMAGES = 6;

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe.skipIf(!models)('inference service: bundled models, batch runs, cache, cancel', () => {
  const dir = tempDir();
  let services: Services;
  const call = <T>(channel: keyof Services['handlers'], request: object = {}) => (services.handlers[channel] as (r: object) => Promise<T>)(request);
  const status = () => call<InferenceStatus>('inference.status');
  const runOf = async (modelId: number) => (await status()).runs.find((r) => r.modelId === modelId)!;
  const finished = (modelId: number) => until(`model ${modelId} to finish`, async () => !['starting', 'running'].includes((await runOf(modelId))?.state));

  beforeAll(async () => {
    await useSourceInferenceWorker();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    const manifest = join(dir.path, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        models: [
          {
            name: 'Tiny Mask R-CNN',
            variant: 'tiny',
            file: models!.maskrcnn,
            kind: 'maskrcnn',
            input: 'rgb01',
            classes: ['__background__', 'pedestrian'],
            thresholds: { display: 0.3 },
          },
        ],
      }),
    );
    process.env.PEDLAB_MODELS_MANIFEST = manifest;
    for (let i = 0; i < IMAGES; i++) await syntheticPicture(join(dir.path, 'images', `frame_${i}.png`), 320 + 16 * i, 240);
    writeFileSync(join(dir.path, 'images', 'broken.png'), 'not a picture');
    services = new Services({ host: 'web' });
    await services.openFolder(join(dir.path, 'images'));
  });
  afterAll(async () => {
    await services?.close();
    dir.remove();
  });

  it('registers the bundled models when a project opens', async () => {
    const list = await call<ModelEntry[]>('models.list');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'Tiny Mask R-CNN', variant: 'tiny', kind: 'maskrcnn', bundled: true, provider: null, problem: null });
    expect(list[0].settings).toMatchObject({ scoreThreshold: 0.05, displayThreshold: 0.3, maskThreshold: 0.5 });
  });

  it('runs two models over the readable images, storing results as they come and the provider with the run', async () => {
    const faster = await call<ModelEntry>('models.add', { path: models!.fasterrcnn, name: 'Tiny Faster R-CNN' });
    const [bundled] = await call<ModelEntry[]>('models.list');
    const started = await call<InferenceStatus>('inference.start', { modelIds: [bundled.id, faster.id], threads: 1 });
    expect(started.runs.map((r) => r.state)).toEqual(['starting', 'starting']);
    await finished(bundled.id);
    await finished(faster.id);
    for (const model of [bundled, faster]) {
      const run = await runOf(model.id);
      expect(run).toMatchObject({ state: 'done', done: IMAGES, total: IMAGES, cached: 0, failed: 0, provider: 'CPU', threads: 1, error: null });
      const stored = services.projects.store.predictions.run(run.runId!);
      expect(stored).toEqual({ provider: 'CPU', status: 'done', imageCount: IMAGES, doneCount: IMAGES, threads: 1 });
    }
    expect((await status()).resultsVersion).toBe(2 * IMAGES);
    const image = services.projects.store.images.all().find((i) => i.fileName === 'frame_2.png')!;
    const masks = await call<{ bbox: number[]; mask: { size: number[] } | null }[]>('predictions.forImage', { imageId: image.id, modelId: bundled.id });
    expect(masks.length).toBeGreaterThan(0);
    expect(masks[0].mask!.size).toEqual([240, 352]);
    const boxes = await call<{ mask: unknown }[]>('predictions.forImage', { imageId: image.id, modelId: faster.id });
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.every((p) => p.mask === null)).toBe(true);
    expect((await call<ModelEntry[]>('models.list')).map((m) => m.provider)).toEqual(['CPU', 'CPU']);
  });

  it('a second run finds every image in the cache', async () => {
    const [bundled] = await call<ModelEntry[]>('models.list');
    await call('inference.start', { modelIds: [bundled.id] });
    await finished(bundled.id);
    expect(await runOf(bundled.id)).toMatchObject({ state: 'done', done: IMAGES, cached: IMAGES });
  });

  it('cancels a run part-way; what was done stays stored', async () => {
    const batched = await call<ModelEntry>('models.add', { path: models!.maskrcnnBatched });
    await call('inference.start', { modelIds: [batched.id], threads: 1 });
    await until('the first result', async () => (await runOf(batched.id)).done >= 1);
    const cancelled = await call<InferenceStatus>('inference.cancel', { modelId: batched.id });
    expect(cancelled.runs.find((r) => r.modelId === batched.id)!.state).toBe('cancelled');
    const run = await runOf(batched.id);
    expect(run.done).toBeLessThan(IMAGES);
    await until('the worker to stop', () => services.projects.store.predictions.run(run.runId!)!.status === 'cancelled');
    expect(services.projects.store.predictions.run(run.runId!)!.doneCount).toBe(run.done);
  });

  it('keys the cache on the model file: a changed file is a miss', async () => {
    const path = join(dir.path, 'swap.onnx');
    copyFileSync(models!.fasterrcnn, path);
    const swap = await call<ModelEntry>('models.add', { path });
    await call('inference.start', { modelIds: [swap.id] });
    await finished(swap.id);
    expect(await runOf(swap.id)).toMatchObject({ done: IMAGES, cached: IMAGES });
    copyFileSync(models!.maskrcnnBatched, path);
    await call('inference.start', { modelIds: [swap.id] });
    await finished(swap.id);
    const run = await runOf(swap.id);
    expect(run).toMatchObject({ state: 'done', done: IMAGES });
    expect(run.cached).toBeLessThan(IMAGES);
  });

  it('refuses unknown models and reports a missing file as the model problem', async () => {
    await expect(call('inference.start', { modelIds: [999] })).rejects.toThrow('No model 999 in this project.');
    const path = join(dir.path, 'gone.onnx');
    copyFileSync(models!.fasterrcnn, path);
    const gone = await call<ModelEntry>('models.add', { path });
    rmSync(path);
    const entry = (await call<ModelEntry[]>('models.list')).find((m) => m.id === gone.id)!;
    expect(entry.problem).toBe(`file not found: ${path}`);
    await call('inference.start', { modelIds: [gone.id] });
    await finished(gone.id);
    expect(await runOf(gone.id)).toMatchObject({ state: 'failed', error: `model file not found: ${path}` });
  });
});
