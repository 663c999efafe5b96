import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readManifest, registerBundledModels } from '../../../../main/inference/manifest.js';
import { ProjectStore } from '../../../../main/store/projectStore.js';
import { tempDir } from '../../../helpers/tempDir.js';

const entry = {
  name: 'Pedlab Mask R-CNN',
  variant: 'r18fpn',
  file: 'pedlab_r18fpn.onnx',
  kind: 'maskrcnn',
  input: 'rgb01',
  classes: ['background', 'pedestrian'],
  thresholds: { score: 0.05, display: 0.6 },
};

describe('models/manifest.json', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());
  const write = (value: unknown) => {
    const path = join(dir.path, 'manifest.json');
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  it('reads entries with defaults, files relative to the manifest', () => {
    const [model] = readManifest(write({ models: [entry] }));
    expect(model.path).toBe(join(dir.path, 'pedlab_r18fpn.onnx'));
    expect(model.settings).toEqual({ scoreThreshold: 0.05, displayThreshold: 0.6, nmsThreshold: 0.45, maskThreshold: 0.5, maxSide: null, maxDetections: 100 });
    expect(readManifest(join(dir.path, 'none.json'))).toEqual([]);
  });

  it('says what is wrong with a bad manifest', () => {
    expect(() => readManifest(write('{'))).toThrow(/is not valid JSON/);
    expect(() => readManifest(write({ models: [{ ...entry, kind: 'ssd' }] }))).toThrow(/models\.0\.kind/);
    expect(() => readManifest(write({ models: [{ ...entry, input: 'bgr255-letterbox' }] }))).toThrow(/models\.0\.input: input is "bgr255-letterbox" for yolox/);
    expect(() => readManifest(write({ models: [{ ...entry, sha256: 'abc' }] }))).toThrow(/models\.0\.sha256/);
  });

  it('registers the files that are there, with their real hash, once however often the project opens', async () => {
    writeFileSync(join(dir.path, 'pedlab_r18fpn.onnx'), 'model bytes');
    const other = { ...entry, name: 'Missing', variant: 'mnv3fpn', file: 'pedlab_mnv3fpn.onnx' };
    const manifest = write({ models: [{ ...entry, sha256: '0'.repeat(64) }, other] });
    const store = ProjectStore.open(':memory:');
    const warnings = await registerBundledModels(store, manifest);
    await registerBundledModels(store, manifest);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('the manifest says 0000');
    expect(warnings[1]).toContain('pedlab_mnv3fpn.onnx is missing');
    const models = store.models.all();
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ name: 'Pedlab Mask R-CNN', variant: 'r18fpn', bundled: true, kind: 'maskrcnn', classes: ['background', 'pedestrian'] });
    expect(models[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    store.close();
  });
});
