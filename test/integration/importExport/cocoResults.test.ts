import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Services } from '../../../main/services.js';
import { normalisedCounts } from '../../helpers/cocoCompare.js';
import { SMALL_COCO } from '../../helpers/formatFixtures.js';
import { smallCocoImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';

const RESULTS = [
  { image_id: 7, category_id: 1, bbox: [1, 1, 3, 4], score: 0.9 },
  { image_id: 7, category_id: 3, bbox: [5, 0, 2, 2], score: 0.95, segmentation: { size: [6, 8], counts: [30, 2, 4, 2, 10] } },
  { image_id: 9, category_id: 1, bbox: [0, 0, 2, 2], score: 0.7 },
];

describe('COCO results imported as predictions', () => {
  const dir = tempDir();
  const project = join(dir.path, 'images');
  const gt = join(dir.path, 'gt.json');
  const results = join(dir.path, 'maskrcnn-elsewhere.json');
  let services: Services;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    await smallCocoImages(project);
    writeFileSync(gt, JSON.stringify(SMALL_COCO));
    writeFileSync(results, JSON.stringify(RESULTS));
    services = new Services({ host: 'web' });
    await services.openFolder(project);
    await services.handlers['project.import']({ format: 'coco', path: gt });
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('stores them under an imported model, where the app looks predictions up', async () => {
    const report = await services.handlers['project.import']({ format: 'coco-results', path: results, options: { gt } });
    expect(report).toMatchObject({ images: 2, predictions: 3, model: { name: 'maskrcnn-elsewhere' }, warnings: [] });
    const model = (await services.handlers['models.list']({})).find((m) => m.id === report.model!.id)!;
    expect(model).toMatchObject({ kind: 'imported', path: results, classes: ['person', 'bicycle'], problem: null });

    const [a, b] = await services.handlers['images.list']({});
    const categories = await services.handlers['categories.list']({});
    const id = (name: string) => categories.find((c) => c.name === name)!.id;
    const onA = await services.handlers['predictions.forImage']({ imageId: a.id, modelId: model.id });
    expect(onA.map((p) => [p.categoryId, p.score, p.bbox])).toEqual([
      [id('bicycle'), 0.95, [5, 0, 2, 2]],
      [id('person'), 0.9, [1, 1, 3, 4]],
    ]);
    expect(onA[0].mask).toEqual({ size: [6, 8], counts: normalisedCounts(RESULTS[1].segmentation, 6, 8) });
    expect(onA[1].mask).toBeNull();
    expect(await services.handlers['predictions.forImage']({ imageId: b.id, modelId: model.id })).toHaveLength(1);
  });

  it('replaces them when the same file is imported again', async () => {
    const first = (await services.handlers['models.list']({})).filter((m) => m.kind === 'imported');
    const report = await services.handlers['project.import']({ format: 'coco-results', path: results, options: { gt, modelName: 'Mask R-CNN (lab)' } });
    expect(report.model).toEqual({ id: first[0].id, name: 'Mask R-CNN (lab)' });
    const [a] = await services.handlers['images.list']({});
    expect(await services.handlers['predictions.forImage']({ imageId: a.id, modelId: first[0].id })).toHaveLength(2);
  });

  it('needs the ground truth, and names the file and record of a malformed result', async () => {
    await expect(services.handlers['project.import']({ format: 'coco-results', path: results })).rejects.toThrow(
      `${results}: a COCO results file needs the ground truth its ids refer to (--gt GT.json)`,
    );
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, JSON.stringify([RESULTS[0], { ...RESULTS[2], image_id: 8 }]));
    await expect(services.handlers['project.import']({ format: 'coco-results', path: bad, options: { gt } })).rejects.toThrow(
      `${bad}: results[1]: image_id 8 is not in the ground truth images`,
    );
  });
});
