import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Services } from '../../../main/services.js';
import { makeImageFolder, type ImageFolder } from '../../helpers/imageFolder.js';
import { tempDir } from '../../helpers/tempDir.js';

describe('opening a folder of images', () => {
  const dir = tempDir();
  let folder: ImageFolder;
  let services: Services;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    folder = await makeImageFolder(join(dir.path, 'images'));
    services = new Services({ host: 'web' });
  });
  afterAll(() => {
    services.close();
    dir.remove();
  });

  it('lists every image file, with a clear error for each unreadable one', async () => {
    const summary = await services.handlers['project.openFolder']({ folder: folder.dir });
    expect(summary).toMatchObject({ name: 'images', imageCount: 6, errorCount: 3 });
    const images = await services.handlers['images.list']({});
    expect(images.map((i) => i.fileName).sort()).toEqual([...folder.good, ...Object.keys(folder.broken)].sort());
    for (const [name, pattern] of Object.entries(folder.broken)) {
      const entry = images.find((i) => i.fileName === name)!;
      expect(entry.error, name).toMatch(pattern);
      expect(entry.width).toBeNull();
    }
    for (const name of folder.good) expect(images.find((i) => i.fileName === name)!.error).toBeNull();
  });

  it('stores the upright size of an EXIF-rotated photo and serves it upright', async () => {
    const images = await services.handlers['images.list']({});
    const rotated = images.find((i) => i.fileName === 'rotated_phone.jpg')!;
    expect([rotated.width, rotated.height]).toEqual([200, 300]);
    const sharp = (await import('sharp')).default;
    const served = await services.image(rotated.id);
    const meta = await sharp(served.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([200, 300]);
  });

  it('serves good images and thumbnails, refuses unreadable and unknown ones', async () => {
    const images = await services.handlers['images.list']({});
    const good = images.find((i) => i.fileName === 'street_01.png')!;
    expect((await services.image(good.id)).mime).toBe('image/png');
    expect(services.thumbnail(good.id).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const broken = images.find((i) => i.fileName === 'truncated.jpg')!;
    await expect(services.image(broken.id)).rejects.toThrow(/truncated\.jpg: image data is truncated or corrupt/);
    await expect(services.image(99999)).rejects.toThrow(/No image 99999/);
  });

  it('reopens the same project for the same folder, keeping ids', async () => {
    const before = await services.handlers['images.list']({});
    await services.handlers['project.openFolder']({ folder: folder.dir });
    expect(await services.handlers['images.list']({})).toEqual(before);
  });

  it('refuses a missing folder or a file with a clear message', async () => {
    await expect(services.handlers['project.openFolder']({ folder: join(dir.path, 'nope') })).rejects.toThrow(/Folder not found/);
    await expect(services.handlers['project.openFolder']({ folder: join(folder.dir, 'street_01.png') })).rejects.toThrow(/Not a folder/);
  });
});
