import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { normalisedCounts } from '../../helpers/cocoCompare.js';
import { SMALL_COCO } from '../../helpers/formatFixtures.js';
import { describeShared, sharedPath } from '../../helpers/shared.js';
import { smallCocoImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';

type Json = Record<string, any>;

describe('COCO import and export through the project', () => {
  const dir = tempDir();
  const project = join(dir.path, 'images');
  let services: Services;

  const writeJson = (name: string, json: unknown): string => {
    const path = join(dir.path, name);
    writeFileSync(path, JSON.stringify(json));
    return path;
  };
  const annotationCount = async () => (await services.handlers['images.list']({})).reduce((n, i) => n + i.annotationCount, 0);

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    await smallCocoImages(project);
    services = new Services({ host: 'web' });
    await services.openFolder(project);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('round-trips every box, area, crowd flag, category, attribute and mask (RLE byte-equal after normalisation)', async () => {
    const report = await services.handlers['project.import']({ format: 'coco', path: writeJson('in.json', SMALL_COCO) });
    expect(report).toMatchObject({ images: 2, addedImages: 0, annotations: 4, newCategories: ['person', 'bicycle'], unreadable: [] });
    const out = join(dir.path, 'out.json');
    await services.handlers['project.export']({ format: 'coco', path: out });
    const written = JSON.parse(readFileSync(out, 'utf8')) as Json;

    const categoryName = (json: Json, id: number) => (json.categories as Json[]).find((c) => c.id === id)!.name;
    for (const c of SMALL_COCO.categories) expect(written.categories).toContainEqual({ id: expect.any(Number), name: c.name, supercategory: c.supercategory });
    expect((written.images as Json[]).map((i) => [i.id, i.file_name, i.width, i.height])).toEqual([
      [1, 'a.png', 8, 6],
      [2, 'b.png', 5, 4],
    ]);
    expect(written.annotations).toHaveLength(SMALL_COCO.annotations.length);
    SMALL_COCO.annotations.forEach((a: Json, i) => {
      const b = written.annotations[i];
      const image = SMALL_COCO.images.find((img) => img.id === a.image_id)!;
      expect(b).toMatchObject({ id: i + 1, bbox: a.bbox, area: a.area, iscrowd: a.iscrowd ?? 0 });
      expect(categoryName(written, b.category_id)).toBe(categoryName(SMALL_COCO, a.category_id));
      expect(b.attributes).toEqual(a.attributes);
      if (a.segmentation === undefined) expect(b.segmentation).toBeUndefined();
      else expect(b.segmentation).toEqual({ size: [image.height, image.width], counts: normalisedCounts(a.segmentation, image.height, image.width) });
    });
  });

  it('replaces the ground truth of the images it names, so importing twice changes nothing', async () => {
    await services.handlers['project.import']({ format: 'coco', path: writeJson('in.json', SMALL_COCO) });
    expect(await annotationCount()).toBe(4);
  });

  it('imports nothing from a malformed file and names the file and the record', async () => {
    const bad = structuredClone(SMALL_COCO) as Json;
    bad.images.push({ id: 11, file_name: 'new.png', width: 3, height: 3 });
    bad.annotations.push({ id: 14, image_id: 11, category_id: 1, bbox: [0, 0, 1, 1], area: 1 });
    bad.annotations[2].bbox = [0, 0, -2, 2];
    const path = writeJson('bad.json', bad);
    await expect(services.handlers['project.import']({ format: 'coco', path })).rejects.toThrow(
      `${path}: annotations[2] (id 12): bbox has a negative size [0, 0, -2, 2]`,
    );
    expect(await annotationCount()).toBe(4);
  });

  it('refuses masks that do not fit the image on disk, naming the record', async () => {
    const wrong = { ...SMALL_COCO, images: [{ ...SMALL_COCO.images[0], width: 9 }], annotations: [SMALL_COCO.annotations[0]] };
    const path = writeJson('wrong.json', wrong);
    await expect(services.handlers['project.import']({ format: 'coco', path })).rejects.toThrow(
      `${path}: images[0] (id 7): ${join(project, 'a.png')} is 8×6, but the source gives 9×6; its masks would not fit`,
    );
  });

  it('validates requests at the door', async () => {
    const refused = await dispatch(services.handlers, 'project.import', { format: 'pascal', path: 'x', options: { subset: 'test' } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/^Invalid request for "project.import": format: /) },
    });
    const half = await dispatch(services.handlers, 'project.import', { format: 'coco', path: 'x.json', options: { subset: 'test' } });
    expect(half).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/--split FILE --subset NAME/) } });
    const unknown = await dispatch(services.handlers, 'project.export', { format: 'coco', path: 'x.json', extra: 1 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  describeShared('cocoapi fake100 (../shared/data/coco_cases), whose images are not on disk', () => {
    it('records images missing under --image-root with an error and leaves their annotations out', async () => {
      const empty = join(dir.path, 'no-images');
      mkdirSync(empty);
      const gt = sharedPath('data', 'coco_cases', 'cocoapi_fake100', 'instances_val2014_100.json');
      const report = await services.handlers['project.import']({ format: 'coco', path: gt, options: { imageRoot: empty } });
      expect(report).toMatchObject({ images: 0, addedImages: 100, annotations: 0 });
      expect(report.unreadable).toHaveLength(100);
      expect(report.unreadable[0]).toEqual({ image: join(empty, 'COCO_val2014_000000001146.jpg'), error: 'file not found' });
      expect(report.newCategories).toHaveLength(78); // 80, less person and bicycle from the first import
      const listed = (await services.handlers['images.list']({})).filter((i) => i.fileName.startsWith('COCO_val2014'));
      expect(listed.map((i) => i.error)).toEqual(new Array(100).fill('file not found'));
    });
  });
});
