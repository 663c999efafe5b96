import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../../../core/detect/types.js';
import { ProjectStore } from '../../../../main/store/projectStore.js';

describe('predictions and models in the store', () => {
  let store: ProjectStore;
  beforeEach(() => {
    store = ProjectStore.open(':memory:');
  });
  afterEach(() => store.close());

  const key = { modelSha256: 'm'.repeat(64), imageSha256: 'i'.repeat(64), settingsKey: 'k' };
  const model = {
    name: 'A',
    variant: 'v',
    path: '/models/a.onnx',
    sha256: 'm'.repeat(64),
    kind: 'maskrcnn' as const,
    classes: ['__background__', 'pedestrian'],
    settings: DEFAULT_MODEL_SETTINGS,
    bundled: false,
  };

  it('keeps one model per file, refreshed in place', () => {
    const id = store.models.upsert(model);
    expect(store.models.upsert({ ...model, name: 'B', sha256: 'n'.repeat(64) })).toBe(id);
    expect(store.models.all()).toEqual([{ ...model, id, name: 'B', sha256: 'n'.repeat(64) }]);
  });

  it('stores a set of predictions per key, an empty set too, and replaces it', () => {
    const category = store.categories.ensure('pedestrian');
    expect(store.predictions.has(key)).toBe(false);
    store.predictions.save(key, null, 12, []);
    expect(store.predictions.has(key)).toBe(true);
    expect(store.predictions.get(key)).toEqual([]);
    const mask = { size: [4, 5] as [number, number], counts: '52' };
    store.predictions.save(key, null, 12, [
      { categoryId: category, score: 0.4, bbox: [1, 2, 3, 4], mask: null },
      { categoryId: category, score: 0.9, bbox: [0, 0, 2, 2], mask },
    ]);
    const got = store.predictions.get(key);
    expect(got.map((p) => [p.score, p.bbox, p.mask])).toEqual([
      [0.9, [0, 0, 2, 2], mask],
      [0.4, [1, 2, 3, 4], null],
    ]);
    expect(store.predictions.get({ ...key, settingsKey: 'other' })).toEqual([]);
  });

  it('records runs with their provider, outcome and counts', () => {
    const modelId = store.models.upsert(model);
    const runId = store.predictions.startRun({ modelId, settingsKey: 'k', provider: 'CUDA', threads: 4, imageCount: 10 });
    expect(store.predictions.run(runId)).toEqual({ provider: 'CUDA', status: 'running', imageCount: 10, doneCount: 0, threads: 4 });
    store.predictions.finishRun(runId, 'cancelled', 3);
    expect(store.predictions.run(runId)).toMatchObject({ status: 'cancelled', doneCount: 3 });
    expect(store.predictions.lastProvider(modelId)).toBe('CUDA');
  });
});
