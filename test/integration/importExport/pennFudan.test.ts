import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportReport } from '../../../core/ipc/types.js';
import { rleDecode } from '../../../core/masks/rle.js';
import { rleFromCoco } from '../../../core/masks/rleString.js';
import { Services } from '../../../main/services.js';
import { describeShared, sharedPath } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';

type Json = Record<string, any>;

interface Expected {
  value: number;
  bbox: number[];
  area: number;
  pixels: number;
  /** [x1, y1, x2, y2], 0-based, last pixel included. */
  corners: number[];
}

/** The torchvision tutorial's targets, computed here from the mask as `read_image` + `masks_to_boxes` do. */
async function tutorialTargets(maskPath: string): Promise<{ width: number; height: number; mask: Buffer; objects: Expected[] }> {
  const { data: mask, info } = await sharp(maskPath).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const ids = [...new Set(mask)].filter((v) => v !== 0).sort((a, b) => a - b);
  const objects = ids.map((value) => {
    let [x1, y1, x2, y2, pixels] = [Infinity, Infinity, -1, -1, 0];
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        if (mask[y * info.width + x] !== value) continue;
        x1 = Math.min(x1, x);
        y1 = Math.min(y1, y);
        x2 = Math.max(x2, x);
        y2 = Math.max(y2, y);
        pixels++;
      }
    }
    return { value, bbox: [x1, y1, x2 - x1, y2 - y1], area: (x2 - x1) * (y2 - y1), pixels, corners: [x1, y1, x2, y2] };
  });
  return { width: info.width, height: info.height, mask, objects };
}

describeShared('Penn-Fudan import and export (../shared/data/PennFudanPed)', () => {
  const root = sharedPath('data', 'PennFudanPed');
  const split = JSON.parse(readFileSync(join(root, 'split.json'), 'utf8')) as { test: string[] };
  const dir = tempDir();
  const project = join(dir.path, 'pennfudan-test');
  let services: Services;
  let report: ImportReport;
  const targets = new Map<string, Awaited<ReturnType<typeof tutorialTargets>>>();

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    mkdirSync(project);
    services = new Services({ host: 'web' });
    // An empty folder of its own, as \`pedlab import --project\` makes for a split: the app refuses to open a folder
    // without images, an import brings its own.
    await services.projects.openFolder(project);
    for (const name of split.test) targets.set(name, await tutorialTargets(join(root, 'PedMasks', name.replace('.png', '_mask.png'))));
    report = await services.handlers['project.import']({
      format: 'pennfudan',
      path: root,
      options: { split: join(root, 'split.json'), subset: 'test' },
    });
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('imports exactly the 50 test images, in place, one pedestrian per mask value', async () => {
    const expectedCount = [...targets.values()].reduce((n, t) => n + t.objects.length, 0);
    expect(report).toMatchObject({ format: 'pennfudan', images: 50, addedImages: 50, annotations: expectedCount, unreadable: [] });
    const images = await services.handlers['images.list']({});
    expect(images.map((i) => i.fileName).sort()).toEqual([...split.test].sort());
    expect(readdirSync(project)).toEqual([]);
  });

  it('reports, per image, the text boxes that disagree with the masks', () => {
    expect(report.disagreements.map((d) => d.image)).toEqual(['PennPed00071.png', 'PennPed00081.png', 'PennPed00090.png', 'PennPed00096.png']);
    expect(report.disagreements[2].problems).toEqual(["object 1: the text box is (80, 23) - (212, 358), the mask's is (82, 23) - (212, 358)"]);
  });

  it("exports COCO with the tutorial's boxes and areas exactly and masks equal to the instance masks pixel for pixel", async () => {
    const out = join(dir.path, 'test-gt.json');
    const exported = await services.handlers['project.export']({ format: 'coco', path: out });
    expect(exported).toMatchObject({ images: 50, annotations: report.annotations, files: 1 });
    const coco = JSON.parse(readFileSync(out, 'utf8')) as Json;
    expect(coco.categories).toEqual([{ id: 1, name: 'pedestrian', supercategory: '' }]);
    for (const image of coco.images as Json[]) {
      const t = targets.get(image.file_name)!;
      expect([image.width, image.height]).toEqual([t.width, t.height]);
      const anns = (coco.annotations as Json[]).filter((a) => a.image_id === image.id);
      expect(anns.map((a) => [a.bbox, a.area, a.iscrowd])).toEqual(t.objects.map((o) => [o.bbox, o.area, 0]));
      anns.forEach((a, k) => {
        const columns = rleDecode(rleFromCoco(a.segmentation.size, a.segmentation.counts));
        const value = t.objects[k].value;
        let differing = 0;
        for (let y = 0; y < t.height; y++) {
          for (let x = 0; x < t.width; x++) if (columns[x * t.height + y] !== (t.mask[y * t.width + x] === value ? 1 : 0)) differing++;
        }
        expect(differing, `${image.file_name} instance ${value}`).toBe(0);
      });
    }
  });

  it('offers COCO boxes (+1 extents) and areas (mask pixels) instead', async () => {
    const again = await services.handlers['project.import']({
      format: 'pennfudan',
      path: root,
      options: { split: join(root, 'split.json'), subset: 'test', boxes: 'coco' },
    });
    expect(again).toMatchObject({ images: 50, addedImages: 0, annotations: report.annotations });
    for (const image of await services.handlers['images.list']({})) {
      const t = targets.get(image.fileName)!;
      const anns = await services.handlers['annotations.list']({ imageId: image.id });
      expect(anns.map((a) => [a.bbox, a.area])).toEqual(t.objects.map((o) => [[o.corners[0], o.corners[1], o.bbox[2] + 1, o.bbox[3] + 1], o.pixels]));
    }
  });

  it('exports a Penn-Fudan folder the tutorial reads unchanged: same images, same masks, boxes in the text', async () => {
    const out = join(dir.path, 'PennFudanOut');
    const exported = await services.handlers['project.export']({ format: 'pennfudan', path: out });
    expect(exported).toMatchObject({ images: 50, files: 150, warnings: [] });
    const images = readdirSync(join(out, 'PNGImages')).sort();
    const masks = readdirSync(join(out, 'PedMasks')).sort();
    expect(images).toEqual([...split.test].sort());
    expect(masks).toEqual(images.map((n) => n.replace('.png', '_mask.png')));
    for (const name of images) {
      expect(readFileSync(join(out, 'PNGImages', name)).equals(readFileSync(join(root, 'PNGImages', name))), name).toBe(true);
      const written = await tutorialTargets(join(out, 'PedMasks', name.replace('.png', '_mask.png')));
      expect(written.mask.equals(targets.get(name)!.mask), name).toBe(true);
      const text = readFileSync(join(out, 'Annotation', name.replace('.png', '.txt')), 'utf8');
      const boxes = [...text.matchAll(/\(Xmin, Ymin\) - \(Xmax, Ymax\) : \((\d+), (\d+)\) - \((\d+), (\d+)\)/g)].map((m) => m.slice(1).map(Number));
      expect(boxes).toEqual(written.objects.map((o) => o.corners.map((c) => c + 1)));
    }
  });
});
