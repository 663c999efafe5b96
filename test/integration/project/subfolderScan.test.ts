import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDbPathFor } from '../../../main/project/projectService.js';
import { sampleProjectDir } from '../../../main/project/sampleProject.js';
import { MAX_SCAN_DEPTH, scanImageFolder } from '../../../main/project/scanFolder.js';
import { Services } from '../../../main/services.js';
import { smallImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';

describe('opening a folder scans its subfolders', () => {
  const dir = tempDir();
  const folder = join(dir.path, 'dataset');
  let services: Services;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    await smallImages(join(folder, 'sub'), 2);
    await smallImages(join(folder, 'sub', 'deeper'), 3);
    // Past the depth limit (dataset/a/b/c is level 3; its subfolder is not entered), and a hidden folder.
    await smallImages(join(folder, 'a', 'b', 'c', 'too-deep'), 1);
    await smallImages(join(folder, '.thumbnails'), 1);
    writeFileSync(join(folder, 'sub', 'notes.txt'), 'not an image');
    services = new Services({ host: 'web' });
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it(`lists the images one and two levels down, and says what lies past ${MAX_SCAN_DEPTH} levels`, async () => {
    const summary = await services.handlers['project.openFolder']({ folder });
    expect(summary).toMatchObject({ name: 'dataset', imageCount: 5, errorCount: 0, scan: { skippedFiles: 0, foldersTooDeep: 1, maxDepth: MAX_SCAN_DEPTH } });
    const images = await services.handlers['images.list']({});
    expect(images.map((i) => `${i.folder}/${i.fileName}`)).toEqual([
      'sub/frame_000.png',
      'sub/frame_001.png',
      'sub/deeper/frame_000.png',
      'sub/deeper/frame_001.png',
      'sub/deeper/frame_002.png',
    ]);
  });

  it('lists at most the file limit and counts the image files past it', async () => {
    const scan = await scanImageFolder(folder, { maxFiles: 2 });
    expect(scan.files).toEqual([join(folder, 'sub', 'deeper', 'frame_000.png'), join(folder, 'sub', 'deeper', 'frame_001.png')]);
    expect(scan.skippedFiles).toBe(3);
  });

  it('refuses a folder with no images, and makes no project for it', async () => {
    const empty = join(dir.path, 'empty');
    mkdirSync(join(empty, 'labels'), { recursive: true });
    writeFileSync(join(empty, 'labels', 'gt.json'), '{}');
    await expect(services.handlers['project.openFolder']({ folder: empty })).rejects.toMatchObject({
      code: 'folder-empty',
      message: `No PNG or JPEG images in ${empty}, nor in its subfolders down to ${MAX_SCAN_DEPTH} levels: no project was made. Open the folder that holds the images.`,
    });
    expect(existsSync(projectDbPathFor(empty))).toBe(false);
    // The project that was open stays open.
    expect(services.projects.summary()?.name).toBe('dataset');
  });

  it('still opens the bundled sample project', async () => {
    expect(await services.openFolder(sampleProjectDir())).toMatchObject({ name: 'vtest', errorCount: 0 });
  });
});
