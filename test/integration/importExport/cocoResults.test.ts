import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Services } from '../../../main/services.js';
import { normalisedCounts } from '../../helpers/cocoCompare.js';
import { SMALL_COCO } from '../../helpers/formatFixtures.js';
import { smallCocoProject } from '../../helpers/smallImages.js';
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
    writeFileSync(results, JSON.stringify(RESULTS));
    services = await smallCocoProject(project, gt);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('stores them under an imported model, where the app looks predictions up', async () => {
    const report = await services.handlers['project.import']({ format: 'coco-results', path: results, options: { gt } });
    expect(report).toMatchObject({ images: 2, predictions: 3, model: { name: 'maskrcnn-elsewhere' }, warnings: [], droppedDetections: 0 });
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

  it('replaces them when the same file is imported again, keeping the model and its name', async () => {
    const first = (await services.handlers['models.list']({})).filter((m) => m.kind === 'imported');
    const report = await services.handlers['project.import']({ format: 'coco-results', path: results, options: { gt } });
    expect(report.model).toEqual({ id: first[0].id, name: 'maskrcnn-elsewhere' });
    const [a] = await services.handlers['images.list']({});
    expect(await services.handlers['predictions.forImage']({ imageId: a.id, modelId: first[0].id })).toHaveLength(2);
  });

  it('refuses to rename the model an earlier import of the file made', async () => {
    const [model] = (await services.handlers['models.list']({})).filter((m) => m.kind === 'imported');
    await expect(
      services.handlers['project.import']({ format: 'coco-results', path: results, options: { gt, modelName: 'Mask R-CNN (lab)' } }),
    ).rejects.toThrow(
      `${results}: is already imported as model "maskrcnn-elsewhere" (id ${model.id}); importing it as "Mask R-CNN (lab)" would rename that model. ` +
        'Import it again without --model-name (or with --model-name "maskrcnn-elsewhere") to replace its predictions, or copy the file to another path to keep both models',
    );
    expect((await services.handlers['models.list']({})).find((m) => m.id === model.id)!.name).toBe('maskrcnn-elsewhere');
  });

  it('refuses to leave out more than half of the detections unless told to, and always counts them', async () => {
    const wider = join(dir.path, 'gt-wider.json');
    const far = join(dir.path, 'far.json');
    writeFileSync(wider, JSON.stringify({ ...SMALL_COCO, images: [...SMALL_COCO.images, { id: 20, file_name: 'c.png' }, { id: 21, file_name: 'd.png' }] }));
    writeFileSync(far, JSON.stringify([RESULTS[0], { ...RESULTS[2], image_id: 20 }, { ...RESULTS[2], image_id: 21 }, { ...RESULTS[2], image_id: 21 }]));
    await expect(services.handlers['project.import']({ format: 'coco-results', path: far, options: { gt: wider } })).rejects.toThrow(
      `${far}: 3 of 4 detections were left out: 3 are on 2 images not in the project under ${project} (c.png, d.png; --image-root says where they are); ` +
        'nothing was stored (--allow-partial stores the rest)',
    );
    const report = await services.handlers['project.import']({ format: 'coco-results', path: far, options: { gt: wider, allowPartial: true } });
    expect(report).toMatchObject({ predictions: 1, droppedDetections: 3 });
    expect(report.warnings).toEqual([expect.stringMatching(/^3 of 4 detections were left out: /)]);
  });

  it("maps the results' categories onto the project's with --map FROM=TO", async () => {
    const mapped = join(dir.path, 'mapped.json');
    writeFileSync(mapped, JSON.stringify(RESULTS));
    await expect(services.handlers['project.import']({ format: 'coco-results', path: mapped, options: { gt, map: ['bike=person'] } })).rejects.toThrow(
      `--map: "bike" is not a category of ${gt} (person, bicycle)`,
    );
    const report = await services.handlers['project.import']({ format: 'coco-results', path: mapped, options: { gt, map: ['bicycle=person'] } });
    const [a] = await services.handlers['images.list']({});
    const person = (await services.handlers['categories.list']({})).find((c) => c.name === 'person')!.id;
    const onA = await services.handlers['predictions.forImage']({ imageId: a.id, modelId: report.model!.id });
    expect(onA.map((p) => p.categoryId)).toEqual([person, person]);
  });

  it("does not read the ground truth's segmentations, only its images and categories", async () => {
    const shortPolygon = join(dir.path, 'gt-short-polygon.json');
    const again = join(dir.path, 'again.json');
    writeFileSync(shortPolygon, JSON.stringify({ ...SMALL_COCO, annotations: [{ ...SMALL_COCO.annotations[0], segmentation: [[1, 1, 4, 5]] }] }));
    writeFileSync(again, JSON.stringify(RESULTS));
    expect(await services.handlers['project.import']({ format: 'coco-results', path: again, options: { gt: shortPolygon } })).toMatchObject({ predictions: 3 });
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
