import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Services } from '../../../main/services.js';
import { SMALL_COCO } from '../../helpers/formatFixtures.js';
import { smallCocoImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';

describe('category mapping at ground-truth import, and the categories a source holds', () => {
  const dir = tempDir();
  const project = join(dir.path, 'images');
  let services: Services;
  let gt: string;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    await smallCocoImages(project);
    gt = join(dir.path, 'gt.json');
    writeFileSync(gt, JSON.stringify(SMALL_COCO));
    services = new Services({ host: 'web' });
    await services.openFolder(project);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  const categoryCounts = async () => {
    const names = new Map((await services.handlers['categories.list']({})).map((c) => [c.id, c.name]));
    const counts: Record<string, number> = {};
    for (const image of await services.handlers['images.list']({})) {
      for (const a of await services.handlers['annotations.list']({ imageId: image.id }))
        counts[names.get(a.categoryId)!] = (counts[names.get(a.categoryId)!] ?? 0) + 1;
    }
    return counts;
  };

  it('lists a source’s categories without adding its images or anything else', async () => {
    const other = join(dir.path, 'elsewhere.json');
    writeFileSync(other, JSON.stringify({ ...SMALL_COCO, images: SMALL_COCO.images.map((i) => ({ ...i, file_name: `../nowhere/${i.file_name}` })) }));
    const before = await services.handlers['images.list']({});
    await expect(services.handlers['project.importCategories']({ format: 'coco', path: other })).resolves.toEqual({ categories: ['person', 'bicycle'] });
    expect(await services.handlers['images.list']({})).toEqual(before);
    expect((await services.handlers['categories.list']({})).map((c) => c.name)).toEqual(['pedestrian']);
    await expect(services.handlers['project.importCategories']({ format: 'coco-results', path: other, options: { gt } })).resolves.toEqual({
      categories: ['person', 'bicycle'],
    });
    await expect(services.handlers['project.importCategories']({ format: 'coco', path: join(dir.path, 'missing.json') })).rejects.toThrow(/missing\.json/);
  });

  it('stores the source’s categories under the project’s names the map gives, creating only the unmapped ones', async () => {
    const report = await services.handlers['project.import']({ format: 'coco', path: gt, options: { map: ['person=pedestrian'] } });
    expect(report.newCategories).toEqual(['bicycle']);
    expect(await categoryCounts()).toEqual({ pedestrian: 2, bicycle: 2 });
    // Two source categories may go into one.
    await services.handlers['project.import']({ format: 'coco', path: gt, options: { map: ['person=pedestrian', 'bicycle=pedestrian'] } });
    expect(await categoryCounts()).toEqual({ pedestrian: 4 });
  });

  it('refuses a map naming a category the source does not have, and imports nothing', async () => {
    await expect(services.handlers['project.import']({ format: 'coco', path: gt, options: { map: ['persn=pedestrian'] } })).rejects.toThrow(
      /"persn" is not a category of .*gt\.json \(person, bicycle\)/,
    );
    expect(await categoryCounts()).toEqual({ pedestrian: 4 });
  });

  it('refuses an option the format has no use for, instead of ignoring it', async () => {
    await expect(services.handlers['project.import']({ format: 'coco', path: gt, options: { classes: join(dir.path, 'classes.txt') } })).rejects.toThrow(
      '--classes does not apply to a COCO instances import (coco).',
    );
    await expect(services.handlers['project.import']({ format: 'mot-det', path: gt, options: { map: ['a=b'] } })).rejects.toThrow('--map does not apply');
  });
});
