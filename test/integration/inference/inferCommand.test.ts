import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CocoResult } from '../../../core/detect/cocoResults.js';
import { parseCocoGroundTruth, parseCocoResults } from '../../../core/formats/cocoJson.js';
import { rleFromCoco } from '../../../core/masks/rleString.js';
import { projectDbPathFor } from '../../../main/project/projectService.js';
import { ProjectStore } from '../../../main/store/projectStore.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { syntheticPicture } from '../../helpers/inferenceImages.js';
import { storeConnection } from '../../helpers/storeConnection.js';
import { YOLOX_NANO, sharedFile } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';
import { testModels } from '../../helpers/testModels.js';
import { runPedlab as pedlab } from '../../helpers/cli.js';

const models = testModels();
const nano = sharedFile(...YOLOX_NANO);

const readResults = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CocoResult[];

describe.skipIf(!models)('pedlab infer', () => {
  const dir = tempDir();
  const images = join(dir.path, 'images');
  const gtPath = join(dir.path, 'gt.json');

  beforeAll(async () => {
    await useSourceInferenceWorker();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    await syntheticPicture(join(images, 'a.png'), 480, 360);
    await syntheticPicture(join(images, 'b.png'), 400, 300);
    const gt = {
      images: [
        { id: 7, file_name: 'a.png', width: 480, height: 360 },
        { id: 9, file_name: 'b.png', width: 400, height: 300 },
      ],
      categories: [{ id: 3, name: 'person' }],
      annotations: [{ id: 1, image_id: 7, category_id: 3, bbox: [80, 120, 40, 110], area: 4400, iscrowd: 0 }],
    };
    writeFileSync(gtPath, JSON.stringify(gt));
  });
  afterAll(() => dir.remove());

  it('writes COCO results with RLE masks (string counts) that a COCO reader loads', async () => {
    const out = join(dir.path, 'results.json');
    const run = await pedlab('infer', '--model', models!.maskrcnn, '--images', images, '--out', out, '--threads', '1');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/results\.json: \d+ detections on 2 images/);
    const results = readResults(out);
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.image_id))).toEqual(new Set([1, 2]));
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(['bbox', 'category_id', 'image_id', 'score', 'segmentation']);
      expect(r.category_id).toBe(1);
      expect(r.bbox).toHaveLength(4);
      const [h, w] = r.image_id === 1 ? [360, 480] : [300, 400];
      expect(r.segmentation!.size).toEqual([h, w]);
      expect(rleFromCoco(r.segmentation!.size, r.segmentation!.counts).counts.reduce((a, b) => a + b, 0)).toBe(h * w);
    }
    const gt = parseCocoGroundTruth({
      images: [
        { id: 1, width: 480, height: 360 },
        { id: 2, width: 400, height: 300 },
      ],
      categories: [{ id: 1, name: 'pedestrian' }],
      annotations: [],
    });
    expect(parseCocoResults(results, gt)).toHaveLength(results.length);
  });

  it('with --coco, runs on the images the file lists and uses its image and category ids', async () => {
    const out = join(dir.path, 'coco.json');
    const run = await pedlab('infer', '--model', models!.fasterrcnn, '--coco', gtPath, '--image-root', images, '--out', out);
    expect(run.code).toBe(0);
    const results = readResults(out);
    expect(new Set(results.map((r) => r.image_id))).toEqual(new Set([7, 9]));
    expect(new Set(results.map((r) => r.category_id))).toEqual(new Set([3]));
    expect(results.every((r) => r.segmentation === undefined)).toBe(true);
  });

  it.skipIf(!nano)('several models each write their own file; an 80-class detector is scored on people only', async () => {
    const out = join(dir.path, 'both.json');
    const run = await pedlab('infer', '--model', models!.maskrcnn, '--model', nano!, '--coco', gtPath, '--image-root', images, '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toContain(join(dir.path, 'both.maskrcnn.json'));
    expect(run.out).toContain(join(dir.path, 'both.yolox_nano.json'));
    for (const r of readResults(join(dir.path, 'both.yolox_nano.json'))) expect(r.category_id).toBe(3);
  });

  it('with --project, stores the predictions in the project; a second run comes from the cache', async () => {
    const out = join(dir.path, 'project.json');
    const first = await pedlab('infer', '--model', models!.maskrcnn, '--project', images, '--out', out);
    expect(first.code).toBe(0);
    expect(first.err).toContain('2 images, 0 from the cache');
    const store = ProjectStore.open(projectDbPathFor(images));
    try {
      const ids = store.images.all().map((i) => i.id);
      expect(new Set(readResults(out).map((r) => r.image_id))).toEqual(new Set(ids));
      expect(store.models.all().map((m) => m.path)).toEqual([models!.maskrcnn]);
      expect(storeConnection(store).prepare('SELECT COUNT(*) AS n FROM prediction_sets').get()).toEqual({ n: 2 });
    } finally {
      store.close();
    }
    const second = await pedlab('infer', '--model', models!.maskrcnn, '--project', images, '--out', out);
    expect(second.err).toContain('2 images, 2 from the cache');
  });

  it('says what is missing', async () => {
    const run = await pedlab('infer', '--images', images);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--model is required');
  });
});
