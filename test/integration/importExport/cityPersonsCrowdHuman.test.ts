import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Services } from '../../../main/services.js';
import { runPedlab } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tempDir.js';

type CocoJson = {
  images: { id: number; file_name: string }[];
  categories: { id: number; name: string }[];
  annotations: { image_id: number; category_id: number; bbox: number[]; iscrowd: number; attributes?: Record<string, unknown> }[];
};

async function writeImage(path: string, shade: number, format: 'png' | 'jpeg'): Promise<void> {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 80, b: 255 - shade } } });
  await (format === 'png' ? image.png() : image.jpeg()).toFile(path);
}

/** The project's ground truth as a COCO export writes it (categories by name, attributes included). */
async function groundTruth(services: Services, folder: string) {
  const path = join(folder, `gt-${Date.now()}-${Math.random()}.json`);
  await services.handlers['project.export']({ format: 'coco', path });
  const coco = JSON.parse(readFileSync(path, 'utf8')) as CocoJson;
  const images = new Map(coco.images.map((i) => [i.id, i.file_name]));
  const categories = new Map(coco.categories.map((c) => [c.id, c.name]));
  return coco.annotations
    .map((a) => ({
      image: images.get(a.image_id)!,
      category: categories.get(a.category_id)!,
      bbox: a.bbox,
      iscrowd: a.iscrowd,
      attributes: a.attributes ?? {},
    }))
    .sort((p, q) => p.image.localeCompare(q.image) || p.bbox[0] - q.bbox[0]);
}

const FIRST = 'aachen_000000_000019';
const SECOND = 'aachen_000001_000019';

describe('CityPersons ground truth imported and exported through the project', () => {
  const dir = tempDir();
  const images = join(dir.path, 'leftImg8bit', 'train');
  const labels = join(dir.path, 'gtBboxCityPersons', 'train');
  let services: Services;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    mkdirSync(join(images, 'aachen'), { recursive: true });
    mkdirSync(join(labels, 'aachen'), { recursive: true });
    await writeImage(join(images, 'aachen', `${FIRST}_leftImg8bit.png`), 20, 'png');
    await writeImage(join(images, 'aachen', `${SECOND}_leftImg8bit.png`), 200, 'png');
    const first = {
      imgHeight: 48,
      imgWidth: 64,
      objects: [
        { instanceId: 24000, bbox: [2, 4, 10, 20], bboxVis: [2, 4, 10, 10], label: 'pedestrian' },
        { instanceId: 25000, bbox: [20, 4, 8, 16], bboxVis: [20, 4, 8, 16], label: 'rider' },
        { instanceId: 0, bbox: [40, 2, 12, 12], bboxVis: [40, 2, 12, 12], label: 'ignore' },
      ],
    };
    const second = { imgHeight: 48, imgWidth: 64, objects: [{ instanceId: 0, bbox: [5, 5, 20, 20], bboxVis: [5, 5, 20, 10], label: 'person group' }] };
    writeFileSync(join(labels, 'aachen', `${FIRST}_gtBboxCityPersons.json`), JSON.stringify(first));
    writeFileSync(join(labels, 'aachen', `${SECOND}_gtBboxCityPersons.json`), JSON.stringify(second));
    services = new Services({ host: 'web' });
    await services.openFolder(images);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('imports persons by label, ignore regions as crowd, and the visibility attributes', async () => {
    const report = await services.handlers['project.import']({ format: 'citypersons', path: labels });
    expect(report).toMatchObject({ format: 'citypersons', images: 2, annotations: 4, unreadable: [] });
    expect(await groundTruth(services, dir.path)).toEqual([
      {
        image: `aachen/${FIRST}_leftImg8bit.png`,
        category: 'pedestrian',
        bbox: [2, 4, 10, 20],
        iscrowd: 0,
        attributes: { vis_bbox: [2, 4, 10, 10], height: 20, vis_ratio: 0.5, instance_id: 24000 },
      },
      {
        image: `aachen/${FIRST}_leftImg8bit.png`,
        category: 'rider',
        bbox: [20, 4, 8, 16],
        iscrowd: 0,
        attributes: { vis_bbox: [20, 4, 8, 16], height: 16, vis_ratio: 1, instance_id: 25000 },
      },
      {
        image: `aachen/${FIRST}_leftImg8bit.png`,
        category: 'pedestrian',
        bbox: [40, 2, 12, 12],
        iscrowd: 1,
        attributes: { vis_bbox: [40, 2, 12, 12], height: 12, vis_ratio: 1, instance_id: 0, citypersons_label: 'ignore' },
      },
      {
        image: `aachen/${SECOND}_leftImg8bit.png`,
        category: 'pedestrian',
        bbox: [5, 5, 20, 20],
        iscrowd: 1,
        attributes: { vis_bbox: [5, 5, 20, 10], height: 20, vis_ratio: 0.5, instance_id: 0, citypersons_label: 'person group' },
      },
    ]);
  });

  it('exports a file per image that imports back to the same annotations', async () => {
    const before = await groundTruth(services, dir.path);
    const out = join(dir.path, 'citypersons-out');
    const exported = await services.handlers['project.export']({ format: 'citypersons', path: out });
    expect(exported).toMatchObject({ format: 'citypersons', images: 2, annotations: 4, files: 2, warnings: [] });
    const written = JSON.parse(readFileSync(join(out, 'aachen', `${SECOND}_gtBboxCityPersons.json`), 'utf8')) as unknown;
    expect(written).toEqual({
      imgHeight: 48,
      imgWidth: 64,
      objects: [{ instanceId: 0, bbox: [5, 5, 20, 20], bboxVis: [5, 5, 20, 10], label: 'person group' }],
    });
    const again = await services.handlers['project.import']({ format: 'citypersons', path: out });
    expect(again).toMatchObject({ images: 2, annotations: 4, warnings: [] });
    expect(await groundTruth(services, dir.path)).toEqual(before);
  });

  it('names the file and object of a malformed record without quoting it', async () => {
    const bad = join(dir.path, 'bad', 'aachen', `${FIRST}_gtBboxCityPersons.json`);
    mkdirSync(join(dir.path, 'bad', 'aachen'), { recursive: true });
    writeFileSync(bad, JSON.stringify({ imgHeight: 48, imgWidth: 64, objects: [{ label: 'pedestrian', bbox: ['token=0123456789abcdef'] }] }));
    const message = await services.handlers['project.import']({ format: 'citypersons', path: join(dir.path, 'bad') }).catch((e: Error) => e.message);
    expect(message).toBe(`${bad}: objects[0]: bbox must be 4 numbers`);
  });
});

const ODGT = [
  {
    ID: '273271,c9db000d5146c15',
    gtboxes: [
      {
        tag: 'person',
        hbox: [6, 4, 4, 4],
        head_attr: { ignore: 0, occ: 0, unsure: 0 },
        fbox: [4, 2, 10, 30],
        vbox: [4, 2, 10, 15],
        extra: { box_id: 0, occ: 1 },
      },
      { tag: 'mask', hbox: [30, 0, 10, 10], head_attr: {}, fbox: [30, 0, 10, 10], vbox: [30, 0, 10, 10], extra: { ignore: 1 } },
      { tag: 'person', hbox: [50, 1, 4, 4], head_attr: { ignore: 1 }, fbox: [48, 0, 8, 20], vbox: [48, 0, 8, 20], extra: { box_id: 2, ignore: 1 } },
    ],
  },
  {
    ID: '284193,faa9000f2678b5e',
    gtboxes: [{ tag: 'person', hbox: [12, 2, 4, 4], head_attr: {}, fbox: [10, 1, 8, 24], vbox: [10, 1, 8, 24], extra: { box_id: 0 } }],
  },
];

describe('CrowdHuman .odgt ground truth through the command line', () => {
  const dir = tempDir();
  const images = join(dir.path, 'Images');
  const odgt = join(dir.path, 'annotation_val.odgt');

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    mkdirSync(images);
    await writeImage(join(images, `${ODGT[0].ID}.jpg`), 30, 'jpeg');
    await writeImage(join(images, `${ODGT[1].ID}.jpg`), 220, 'jpeg');
    writeFileSync(odgt, ODGT.map((l) => JSON.stringify(l)).join('\n') + '\n');
  });
  afterAll(() => dir.remove());

  it('imports pedestrians and ignore regions, and exports an .odgt that imports back the same', async () => {
    const imported = await runPedlab('import', '--format', 'crowdhuman', odgt, '--project', images, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ images: 2, annotations: 4 });
    const services = new Services({ host: 'web' });
    await services.openFolder(images);
    const before = await groundTruth(services, dir.path);
    await services.close();
    expect(before.map((a) => [a.image, a.iscrowd])).toEqual([
      [`${ODGT[0].ID}.jpg`, 0],
      [`${ODGT[0].ID}.jpg`, 1],
      [`${ODGT[0].ID}.jpg`, 1],
      [`${ODGT[1].ID}.jpg`, 0],
    ]);
    expect(before[0]).toMatchObject({
      category: 'pedestrian',
      bbox: [4, 2, 10, 30],
      attributes: { vis_bbox: [4, 2, 10, 15], head_bbox: [6, 4, 4, 4], height: 30, vis_ratio: 0.5 },
    });

    const out = join(dir.path, 'out', 'exported.odgt');
    expect((await runPedlab('export', '--format', 'crowdhuman', '--project', images, out)).code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual(ODGT);
    expect((await runPedlab('import', '--format', 'crowdhuman', out, '--project', images)).code).toBe(0);
    const again = new Services({ host: 'web' });
    await again.openFolder(images);
    expect(await groundTruth(again, dir.path)).toEqual(before);
    await again.close();
  });

  it('names the file, line and box of a malformed record without quoting it', async () => {
    const bad = join(dir.path, 'a.odgt');
    writeFileSync(bad, `${JSON.stringify(ODGT[1])}\n\ntoken=0123456789abcdef\n`);
    const notJson = await runPedlab('import', '--format', 'crowdhuman', bad, '--project', images);
    expect(notJson.code).not.toBe(0);
    expect(notJson.err).toContain(`${bad}: line 3: is not JSON`);
    expect(notJson.out + notJson.err).not.toContain('0123456789abcdef');
    writeFileSync(bad, `${JSON.stringify({ ID: 'x', gtboxes: [ODGT[1].gtboxes[0], ODGT[1].gtboxes[0], { tag: 'person', fbox: [1, 2] }] })}\n`);
    const badBox = await runPedlab('import', '--format', 'crowdhuman', bad, '--project', images);
    expect(badBox.err).toContain(`${bad}: line 1: gtboxes[2]: fbox must be 4 numbers`);
    const help = await runPedlab('import', '--help');
    expect(help.out).toMatch(/^ {2}crowdhuman {4}SRC is a CrowdHuman \.odgt file/m);
  });
});
