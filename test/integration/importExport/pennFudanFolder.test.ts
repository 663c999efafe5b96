import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePennFudanAnnotation } from '../../../core/formats/pennFudan.js';
import { rleDecode } from '../../../core/masks/rle.js';
import { rleFromCoco } from '../../../core/masks/rleString.js';
import { Services } from '../../../main/services.js';
import { writeIndexPng } from '../../helpers/pngWriter.js';
import { tempDir } from '../../helpers/tempDir.js';

const W = 12;
const H = 9;
/** Instance 1 in columns 1..3, rows 1..6; instance 2 in columns 7..10, rows 2..8. */
const MASK = Array.from({ length: W * H }, (_, i) => {
  const [x, y] = [i % W, Math.floor(i / W)];
  return x >= 1 && x <= 3 && y >= 1 && y <= 6 ? 1 : x >= 7 && x <= 10 && y >= 2 ? 2 : 0;
});

describe('Penn-Fudan folder import (a small hand-made folder with a palette mask)', () => {
  const dir = tempDir();
  const root = join(dir.path, 'Ped');
  let services: Services;

  const text = (objects: { index: number; corners: [number, number, number, number] }[]) =>
    writePennFudanAnnotation({
      folder: 'Ped',
      database: 'test',
      imageFile: 'P1.png',
      maskFile: 'P1_mask.png',
      width: W,
      height: H,
      channels: 3,
      objects: objects.map((o) => ({ ...o, label: 'PASpersonWalking' })),
    });

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    for (const sub of ['PNGImages', 'PedMasks', 'Annotation']) mkdirSync(join(root, sub), { recursive: true });
    await sharp({ create: { width: W, height: H, channels: 3, background: '#555555' } })
      .png()
      .toFile(join(root, 'PNGImages', 'P1.png'));
    writeFileSync(join(root, 'PedMasks', 'P1_mask.png'), writeIndexPng(MASK, W, H, { depth: 4, palette: true }));
    writeFileSync(
      join(root, 'Annotation', 'P1.txt'),
      text([
        { index: 1, corners: [1, 1, 3, 6] },
        { index: 2, corners: [7, 2, 9, 8] },
      ]),
    );
    services = new Services({ host: 'web' });
    await services.openFolder(join(root, 'PNGImages'));
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('reads instance k from palette index k (not its colour) and reports the text box that disagrees', async () => {
    const report = await services.handlers['project.import']({ format: 'pennfudan', path: root });
    expect(report).toMatchObject({ images: 1, addedImages: 0, annotations: 2 });
    expect(report.disagreements).toEqual([{ image: 'P1.png', problems: ["object 2: the text box is (8, 3) - (10, 9), the mask's is (8, 3) - (11, 9)"] }]);
    const [image] = await services.handlers['images.list']({});
    const anns = await services.handlers['annotations.list']({ imageId: image.id });
    expect(anns.map((a) => [a.bbox, a.area])).toEqual([
      [[1, 1, 2, 5], 10],
      [[7, 2, 3, 6], 18],
    ]);
    anns.forEach((a, k) => {
      const columns = rleDecode(rleFromCoco(a.mask!.size, a.mask!.counts));
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) expect(columns[x * H + y]).toBe(MASK[y * W + x] === k + 1 ? 1 : 0);
    });
  });

  it('names the file and line of a malformed text, and the image whose mask is missing; nothing is imported', async () => {
    const [image] = await services.handlers['images.list']({});
    writeFileSync(join(root, 'Annotation', 'P1.txt'), text([]).replace('Image size (X x Y x C) : 12 x 9 x 3', 'Image size (X x Y x C) : 12 x 9'));
    await expect(services.handlers['project.import']({ format: 'pennfudan', path: root, options: { boxes: 'coco' } })).rejects.toThrow(
      `${join(root, 'Annotation', 'P1.txt')}: line 3: cannot read the image size from "Image size (X x Y x C) : 12 x 9"`,
    );
    writeFileSync(join(root, 'Annotation', 'P1.txt'), text([]));
    await sharp({ create: { width: W, height: H, channels: 3, background: '#555555' } })
      .png()
      .toFile(join(root, 'PNGImages', 'P2.png'));
    await expect(services.handlers['project.import']({ format: 'pennfudan', path: root })).rejects.toThrow(
      `${join(root, 'PNGImages', 'P2.png')}: has no instance mask (expected ${join(root, 'PedMasks', 'P2_mask.png')})`,
    );
    expect((await services.handlers['annotations.list']({ imageId: image.id })).map((a) => a.area)).toEqual([10, 18]);
  });
});
