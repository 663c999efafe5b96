import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVocXml } from '../../../core/formats/pascalVoc.js';
import { Services } from '../../../main/services.js';
import { LABELME, VOC_XML } from '../../helpers/formatFixtures.js';
import { tempDir } from '../../helpers/tempDir.js';

describe('VOC, YOLO and labelme import and export through the project', () => {
  const dir = tempDir();
  const project = join(dir.path, 'images');
  let services: Services;

  const folderWith = (name: string, files: Record<string, string>): string => {
    const folder = join(dir.path, name);
    mkdirSync(folder, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
    return folder;
  };
  const imageId = async (fileName: string) => (await services.handlers['images.list']({})).find((i) => i.fileName === fileName)!.id;
  const annotationsOf = async (fileName: string) => services.handlers['annotations.list']({ imageId: await imageId(fileName) });

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    mkdirSync(project);
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#406080' } })
      .png()
      .toFile(join(project, 'street_01.png'));
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#806040' } })
      .png()
      .toFile(join(project, 'street_02.png'));
    services = new Services({ host: 'web' });
    await services.openFolder(project);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('imports VOC XML with difficult/truncated/pose as attributes, and exports them back', async () => {
    const voc = folderWith('voc', { 'street_01.xml': VOC_XML });
    const report = await services.handlers['project.import']({ format: 'voc', path: voc });
    expect(report).toMatchObject({ images: 1, annotations: 2, newCategories: ['person', 'bicycle & rider'] });
    expect((await annotationsOf('street_01.png')).map((a) => a.bbox)).toEqual([
      [47, 99, 64, 181],
      [299, 19, 2, 3],
    ]);
    const out = join(dir.path, 'voc-out');
    await services.handlers['project.export']({ format: 'voc', path: out });
    const again = parseVocXml(readFileSync(join(out, 'street_01.xml'), 'utf8'), 'street_01.xml');
    const original = parseVocXml(VOC_XML, 'in.xml');
    expect(again.annotations.map((a) => [a.category, a.bbox])).toEqual(original.annotations.map((a) => [a.category, a.bbox]));
    expect(again.annotations[0].attributes).toEqual({ pose: 'Left', truncated: 0, difficult: 1 });
    const coco = JSON.parse(readFileSync((await services.handlers['project.export']({ format: 'coco', path: join(dir.path, 'voc.json') })).path, 'utf8'));
    expect(coco.annotations[0].attributes).toEqual({ pose: 'Left', truncated: 0, difficult: 1 });
  });

  it('exports YOLO labels with classes.txt that import back to the same boxes', async () => {
    const before = await annotationsOf('street_01.png');
    const out = join(dir.path, 'yolo-out');
    const exported = await services.handlers['project.export']({ format: 'yolo', path: out });
    expect(exported.files).toBe(3);
    expect(readdirSync(out).sort()).toEqual(['classes.txt', 'street_01.txt', 'street_02.txt']);
    expect(readFileSync(join(out, 'classes.txt'), 'utf8')).toBe('pedestrian\nperson\nbicycle & rider\n');
    const report = await services.handlers['project.import']({ format: 'yolo', path: out });
    expect(report).toMatchObject({ images: 2, annotations: 2, newCategories: [] });
    const after = await annotationsOf('street_01.png');
    expect(after.map((a) => [a.categoryId, a.bbox, a.area])).toEqual(before.map((a) => [a.categoryId, a.bbox, a.area]));
  });

  it('imports labelme rectangles and polygons, skipping other shapes with a warning', async () => {
    const lm = folderWith('labelme', { 'street_02.json': JSON.stringify({ ...LABELME, imagePath: '../images/street_02.png' }) });
    const report = await services.handlers['project.import']({ format: 'labelme', path: lm });
    expect(report).toMatchObject({ images: 1, annotations: 2 });
    expect(report.warnings).toEqual([`${join(lm, 'street_02.json')}: shapes[2]: shape type "circle" skipped (only rectangles and polygons are imported)`]);
    const [rect, poly] = await annotationsOf('street_02.png');
    expect(rect).toMatchObject({ bbox: [4, 5, 16, 20], mask: null });
    expect(poly.mask?.size).toEqual([30, 40]);
  });

  it('imports only the images a split file lists', async () => {
    const lm = folderWith('labelme-split', {
      'a.json': JSON.stringify({ ...LABELME, imagePath: 'street_02.png', shapes: [LABELME.shapes[0]] }),
      'b.json': JSON.stringify({ ...LABELME, imagePath: 'street_01.png', imageWidth: 640, imageHeight: 480, shapes: [] }),
    });
    const split = join(dir.path, 'split.json');
    writeFileSync(split, JSON.stringify({ train: ['street_01.png'], test: ['street_02.png'] }));
    const report = await services.handlers['project.import']({ format: 'labelme', path: lm, options: { imageRoot: project, split, subset: 'test' } });
    expect(report).toMatchObject({ images: 1, annotations: 1 });
    expect(await annotationsOf('street_01.png')).toHaveLength(2);
    writeFileSync(split, JSON.stringify({ test: ['street_02.png', 'street_09.png'] }));
    await expect(services.handlers['project.import']({ format: 'labelme', path: lm, options: { imageRoot: project, split, subset: 'test' } })).rejects.toThrow(
      `${split} "test" lists images that are not in ${lm}: street_09.png`,
    );
    await expect(services.handlers['project.import']({ format: 'labelme', path: lm, options: { split, subset: 'val' } })).rejects.toThrow(
      `${split}: has no list "val" (it has: test)`,
    );
  });

  it('imports nothing when one file of a folder is malformed, naming the file and the line', async () => {
    const before = await annotationsOf('street_01.png');
    const broken = VOC_XML.replace('<ymax>22</ymax>', '<ymax>22</ymx>');
    const voc = folderWith('voc-bad', { 'a.xml': VOC_XML.replace('street_01', 'street_02'), 'b.xml': broken });
    await expect(services.handlers['project.import']({ format: 'voc', path: voc })).rejects.toThrow(
      `${join(voc, 'b.xml')}: line 20: closing tag </ymx> does not match <ymax> (line 20)`,
    );
    expect(await annotationsOf('street_01.png')).toEqual(before);
    expect(await annotationsOf('street_02.png')).toHaveLength(1);
  });

  it('reports label files whose image cannot be found', async () => {
    const yolo = folderWith('yolo-missing', { 'classes.txt': 'person\n', 'street_07.txt': '0 0.5 0.5 0.1 0.1\n' });
    const report = await services.handlers['project.import']({ format: 'yolo', path: yolo });
    expect(report).toMatchObject({ images: 0, annotations: 0 });
    expect(report.unreadable[0].error).toMatch(/^no image named street_07 \(\.png, \.jpg or \.jpeg\)/);
  });
});
