import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../../../main/store/projectStore.js';
import { tempDir } from '../../../../helpers/tempDir.js';
import { columns, expectRowsKept, fixtureCopy, schemaVersion, tableRows, uniqueIndexes } from './upgradeFixtures.js';

describe('migration 2 (inference) on a version 1 project', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('keeps every row, adds the new columns with their defaults and the prediction_sets table', () => {
    const path = fixtureCopy('v1.pedlab', dir.path);
    expect(schemaVersion(path)).toBe(1);
    const before = tableRows(path);
    expect(before.annotations).toHaveLength(2);

    ProjectStore.open(path).close();

    expect(schemaVersion(path)).toBeGreaterThanOrEqual(2);
    const after = tableRows(path);
    expectRowsKept(before, after);
    expect(columns(path, 'models')).toContain('bundled');
    expect(uniqueIndexes(path, 'models')).toContain('models_by_path');
    expect(columns(path, 'prediction_runs')).toEqual(expect.arrayContaining(['status', 'threads', 'image_count', 'done_count', 'error']));
    expect(after.prediction_runs[0]).toMatchObject({ status: 'running', threads: 1, image_count: 0, done_count: 0, error: null });
    expect(after.prediction_sets).toEqual([]);
  });

  it('serves the old rows through the repositories and takes new writes', () => {
    const store = ProjectStore.open(fixtureCopy('v1.pedlab', dir.path));
    try {
      expect(store.meta.get('folder')).toBe('/data/street');
      expect(store.images.entries(() => '').map((e) => [e.fileName, e.annotationCount, e.error])).toEqual([
        ['a.png', 2, null],
        ['b.png', 0, 'not a PNG or JPEG file'],
      ]);
      expect(store.images.thumbnail(1)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
      expect(store.categories.withSupercategories()).toEqual([
        { id: 1, name: 'pedestrian', supercategory: 'person' },
        { id: 2, name: 'cyclist', supercategory: '' },
      ]);
      const [first] = store.annotations.allWithAttributes();
      expect(first).toMatchObject({ id: 1, bbox: [1, 2, 3, 4], area: 5, iscrowd: false, mask: { size: [6, 8] }, attributes: { difficult: true } });

      const [model] = store.models.all();
      expect(model).toMatchObject({ id: 1, path: '/models/maskrcnn.onnx', bundled: false, classes: ['__background__', 'pedestrian'] });
      expect(store.models.upsert({ ...model, name: 'renamed' })).toBe(1);

      const key = { modelSha256: 'm'.repeat(64), imageSha256: 'a'.repeat(64), settingsKey: 'k' };
      expect(store.predictions.get(key).map((p) => p.score)).toEqual([0.9, 0.3]);
      expect(store.predictions.has(key)).toBe(false);
      expect(store.predictions.run(1)).toEqual({ provider: 'CPU', status: 'running', imageCount: 0, doneCount: 0, threads: 1 });
      store.predictions.save(key, null, 3, []);
      expect(store.predictions.has(key)).toBe(true);
    } finally {
      store.close();
    }
  });
});
