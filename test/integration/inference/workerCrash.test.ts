import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InferenceRunStatus, InferenceStatus, Prediction } from '../../../core/ipc/types.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { checkFile } from '../../../main/store/snapshots.js';
import { registerFakeModel } from '../../helpers/fakeModel.js';
import { useFakeInferenceWorker } from '../../helpers/inferenceWorker.js';
import { smallImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';
import { until } from '../../helpers/until.js';

const IMAGES = 8;
const CRASH_AT = 4;

describe('an inference worker that dies part-way through a run', () => {
  const dir = tempDir();
  let services: Services;
  let modelId: number;

  const call = async <T>(channel: string, request: object = {}): Promise<T> => {
    const envelope = await dispatch(services.handlers, channel, request);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as T;
  };
  const settle = async (): Promise<InferenceRunStatus> => {
    let run: InferenceRunStatus | undefined;
    await until('the run to stop', async () => {
      run = (await call<InferenceStatus>('inference.status')).runs.find((r) => r.modelId === modelId);
      return !!run && !['starting', 'running'].includes(run.state);
    });
    return run!;
  };

  beforeAll(async () => {
    await useFakeInferenceWorker();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    services = new Services({ host: 'web' });
    await services.openFolder(await smallImages(join(dir.path, 'images'), IMAGES));
    modelId = await registerFakeModel(services.projects.store, dir.path, 'fake');
  });
  afterAll(async () => {
    delete process.env.PEDLAB_TEST_WORKER_CRASH_AT;
    await services?.close();
    dir.remove();
  });

  it('is reported as a failed run that keeps what was stored, and a second run resumes, skipping those images', async () => {
    process.env.PEDLAB_TEST_WORKER_CRASH_AT = String(CRASH_AT);
    await call('inference.start', { modelIds: [modelId], threads: 1 });
    const crashed = await settle();
    expect(crashed.state).toBe('failed');
    expect(crashed.error).toMatch(/inference worker stopped unexpectedly \(exit code 137\).*running the model again continues/);
    expect(crashed.done).toBe(CRASH_AT - 1);
    const runRecord = services.projects.store.predictions.run(crashed.runId!);
    expect(runRecord?.status).toBe('failed');

    delete process.env.PEDLAB_TEST_WORKER_CRASH_AT;
    await call('inference.start', { modelIds: [modelId], threads: 1 });
    const resumed = await settle();
    expect(resumed).toMatchObject({ state: 'done', total: IMAGES, done: IMAGES, cached: CRASH_AT - 1, failed: 0, error: null });
    for (const image of services.projects.store.images.all()) {
      const predictions = await call<Prediction[]>('predictions.forImage', { imageId: image.id, modelId });
      expect(predictions.map((p) => p.bbox[0])).toEqual([image.id]);
    }
    expect(checkFile(services.projects.store.path)).toEqual([]);
  });
});
