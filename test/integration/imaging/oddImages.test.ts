import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDecodeError, probeImage } from '../../../main/imaging/probeImage.js';
import { decodeRgb, readHeader } from '../../../main/imaging/decodeImage.js';
import { letterboxTensor } from '../../../main/inference/imageTensor.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { writeBlankPng } from '../../helpers/pngWriter.js';
import { tempDir } from '../../helpers/tempDir.js';

const colour = { r: 51, g: 102, b: 153 };
const plain = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: colour } });

describe('unusual images: each opens, or is refused with a reason', () => {
  const dir = tempDir();
  const folder = join(dir.path, 'images');
  const path = (name: string) => join(folder, name);
  let services: Services;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    mkdirSync(folder, { recursive: true });
    await plain(1, 1).png().toFile(path('one_pixel.png'));
    await plain(64, 48).toColourspace('rgb16').png().toFile(path('deep_16bit.png'));
    await plain(64, 48).toColourspace('cmyk').jpeg().toFile(path('print_cmyk.jpg'));
    await plain(64, 48).gif().toFile(path('animation.gif'));
    writeFileSync(path('gif_named.png'), await plain(64, 48).gif().toBuffer());
    await plain(64, 48).webp().toFile(path('photo.webp'));
    writeFileSync(path('scan.bmp'), Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]));
    writeFileSync(path('notes.txt'), 'not an image');
    writeFileSync(path('huge_30000.png'), writeBlankPng(30000, 30000));
    services = new Services({ host: 'web' });
    await services.openFolder(folder);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  const image = (name: string) => services.projects.store.images.all().find((i) => i.fileName === name);

  it('checks the source files are what they claim', async () => {
    expect((await sharp(path('deep_16bit.png')).metadata()).depth).toBe('ushort');
    expect((await sharp(path('print_cmyk.jpg')).metadata()).space).toBe('cmyk');
    expect((await sharp(path('gif_named.png')).metadata()).format).toBe('gif');
  });

  it('opens a 1×1 image, a 16-bit PNG and a CMYK JPEG: listed, drawn, annotated, and decoded to 8-bit RGB for the models', async () => {
    for (const [name, width, height] of [
      ['one_pixel.png', 1, 1],
      ['deep_16bit.png', 64, 48],
      ['print_cmyk.jpg', 64, 48],
    ] as const) {
      const entry = image(name)!;
      expect(entry, name).toMatchObject({ width, height, error: null });
      expect(services.thumbnail(entry.id).length, name).toBeGreaterThan(0);
      expect((await services.image(entry.id)).bytes.length, name).toBeGreaterThan(0);
      const bbox = [0, 0, width, height];
      const commit = await dispatch(services.handlers, 'annotations.commit', {
        imageId: entry.id,
        create: [{ categoryId: 1, bbox, area: width * height, iscrowd: false, mask: null }],
        update: [],
        delete: [],
      });
      expect(commit.ok, name).toBe(true);

      const bytes = await readFile(path(name));
      const header = await readHeader(bytes);
      const rgb = await decodeRgb(bytes, header);
      expect(rgb.pixels.length, name).toBe(width * height * 3);
      if (name !== 'print_cmyk.jpg') expect([...rgb.pixels.subarray(0, 3)], name).toEqual([colour.r, colour.g, colour.b]);
      const tensor = await letterboxTensor(bytes, header, 416, 416);
      expect(tensor.data.length, name).toBe(3 * 416 * 416);
    }
  });

  it('refuses a 30000×30000 PNG by its header, without decoding it, with its size in the message', async () => {
    const probe = await probeImage(path('huge_30000.png'));
    expect(probe.error).toBe('image is too large to open: 30000×30000 pixels (900 megapixels; Pedlab opens up to 268)');
    expect(image('huge_30000.png')!.error).toBe(probe.error);
    await expect(services.image(image('huge_30000.png')!.id)).rejects.toThrow(/huge_30000\.png: image is too large to open/);
    const commit = await dispatch(services.handlers, 'annotations.commit', { imageId: image('huge_30000.png')!.id, create: [], update: [], delete: [] });
    expect(commit).toMatchObject({ ok: false, error: { code: 'image-unreadable' } });
    const worker = await readHeader(await readFile(path('huge_30000.png'))).catch(describeDecodeError);
    expect(worker).toMatch(/^image is too large to open/);
  });

  it('lists GIF, WebP and BMP files and GIF data named .png, each with the reason it does not open', async () => {
    const gif = 'not a PNG or JPEG image (found gif data; convert it to PNG or JPEG to label it)';
    expect(image('gif_named.png')!.error).toBe(gif);
    expect(image('animation.gif')!.error).toBe(gif);
    expect(image('photo.webp')!.error).toBe('not a PNG or JPEG image (found webp data; convert it to PNG or JPEG to label it)');
    expect(image('scan.bmp')!.error).toBe('not a PNG or JPEG image (the content is not a format Pedlab can read)');
    expect(image('notes.txt')).toBeUndefined();
    expect(services.projects.summary()).toMatchObject({ imageCount: 8, errorCount: 5 });
  });
});
