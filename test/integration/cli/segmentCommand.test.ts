import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rleArea, rleToBbox } from '../../../core/masks/rle.js';
import { rleFromCoco } from '../../../core/masks/rleString.js';
import { ProjectService } from '../../../main/project/projectService.js';
import { appRoot } from '../../../main/version.js';
import { runPedlab } from '../../helpers/cli.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { sharedFile, YOLOX_NANO } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';

type Box = [number, number, number, number];

const mnv3 = join(appRoot(), 'models', 'pedlab_mnv3fpn.onnx');
const samples = join(appRoot(), 'samples', 'vtest');
const yolox = sharedFile(...YOLOX_NANO);
/** Three walkers of the sample's first frame (samples/vtest_ground_truth.json). */
const WALKERS: Box[] = [
  [282.5, 209.7, 38.6, 90],
  [484.3, 162.9, 33.3, 77.8],
  [591.2, 239.9, 55.1, 85.7],
];

interface Result {
  annotation_id: number;
  image_id: number;
  category_id: number;
  bbox: Box;
  segmentation: { size: [number, number]; counts: string };
  score: number;
}

describe.skipIf(!existsSync(mnv3))('pedlab segment', () => {
  const dir = tempDir();
  const gt = join(dir.path, 'gt.json');

  beforeAll(async () => {
    await useSourceInferenceWorker();
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    delete process.env.PEDLAB_MODELS_MANIFEST;
    const annotations = [
      ...WALKERS.map((bbox, i) => ({ id: 10 + i, image_id: 7, category_id: 1, bbox, area: bbox[2] * bbox[3], iscrowd: 0 })),
      { id: 20, image_id: 7, category_id: 1, bbox: [10, 10, 80, 60], area: 4800, iscrowd: 1 },
      { id: 21, image_id: 7, category_id: 1, bbox: [900, 10, 30, 60], area: 1800, iscrowd: 0 },
    ];
    const images = [{ id: 7, file_name: 'vtest_frame005.jpg', width: 768, height: 576 }];
    writeFileSync(gt, JSON.stringify({ images, annotations, categories: [{ id: 1, name: 'pedestrian' }] }));
  });
  afterAll(() => dir.remove());

  it("writes each box's mask as COCO results with the prompt's id, and counts the boxes left out", async () => {
    const out = join(dir.path, 'masks.json');
    const result = await runPedlab('segment', '--model', mnv3, '--coco', gt, '--image-root', samples, '--out', out);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('1/1 vtest_frame005.jpg: 3 of 4 boxes have a mask');
    expect(result.err).toContain('1 of 4 boxes got no mask');
    const written = JSON.parse(readFileSync(out, 'utf8')) as Result[];
    expect(written.map((r) => r.annotation_id)).toEqual([10, 11, 12]);
    for (const [i, r] of written.entries()) {
      expect(r).toMatchObject({ image_id: 7, category_id: 1, bbox: WALKERS[i] });
      expect(r.segmentation.size).toEqual([576, 768]);
      expect(typeof r.segmentation.counts).toBe('string');
      expect(r.score).toBeGreaterThan(0);
      const [x, y, w, h] = rleToBbox(rleFromCoco(r.segmentation.size, r.segmentation.counts));
      expect(x + 0.5).toBeGreaterThanOrEqual(WALKERS[i][0]);
      expect(y + h - 0.5).toBeLessThanOrEqual(WALKERS[i][1] + WALKERS[i][3]);
      expect(w * h).toBeGreaterThan(0);
    }
  });

  it.skipIf(!yolox)('refuses a model without masks with exit 1', async () => {
    const result = await runPedlab('segment', '--model', yolox!, '--coco', gt, '--image-root', samples, '--out', join(dir.path, 'no.json'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/YOLOX.*Mask R-CNN/);
    expect(existsSync(join(dir.path, 'no.json'))).toBe(false);
  });

  it("fills the masks of a project's boxes that have none, with a model named in the project or a file", async () => {
    const folder = join(dir.path, 'project');
    mkdirSync(folder);
    copyFileSync(join(samples, 'vtest_frame005.jpg'), join(folder, 'frame.jpg'));
    const projects = new ProjectService();
    await projects.openFolder(folder);
    const store = projects.store;
    const imageId = store.images.all()[0].id;
    const categoryId = store.categories.all()[0].id;
    const draft = (bbox: Box) => ({ categoryId, bbox, area: bbox[2] * bbox[3], iscrowd: false, mask: null });
    store.annotations.commit(imageId, { create: WALKERS.slice(0, 2).map(draft), update: [], delete: [] });
    projects.close();

    const byName = await runPedlab('segment', '--project', folder, '--model', 'mnv3fpn');
    expect(byName.code, byName.err).toBe(0);
    expect(byName.err).toContain('image 1, frame.jpg: 2/2 boxes, 2 filled, 0 missed');
    expect(byName.out).toContain('2 of 2 boxes without a mask got one from');

    const reopened = new ProjectService();
    await reopened.openFolder(folder);
    reopened.store.annotations.commit(imageId, { create: [draft(WALKERS[2])], update: [], delete: [] });
    const filled = reopened.store.annotations.forImage(imageId);
    reopened.close();
    for (const [i, a] of filled.slice(0, 2).entries()) {
      expect(a.bbox).toEqual(WALKERS[i]);
      expect(a.area).toBe(rleArea(rleFromCoco(a.mask!.size, a.mask!.counts)));
    }

    const byFile = await runPedlab('segment', '--project', folder, '--model', mnv3);
    expect(byFile.code, byFile.err).toBe(0);
    expect(byFile.out).toContain('1 of 1 boxes without a mask got one from');
  });

  it('names the models of the project when the one asked for is not there', async () => {
    const folder = join(dir.path, 'project');
    const result = await runPedlab('segment', '--project', folder, '--model', 'no-such-model');
    expect(result.code).toBe(1);
    expect(result.err).toContain('No model "no-such-model"');
    expect(result.err).toContain('mnv3fpn');
  });

  it('refuses a bad command line with exit 2 and its usage', async () => {
    for (const args of [
      ['--model', mnv3, '--coco', gt],
      ['--model', mnv3, '--bogus'],
      ['--model', mnv3, '--coco', gt, '--project', dir.path, '--out', 'x.json'],
    ]) {
      const result = await runPedlab('segment', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain('usage: pedlab segment');
    }
  });
});
