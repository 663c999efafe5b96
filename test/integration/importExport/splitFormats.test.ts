import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFormat, ImportOptions } from '../../../core/ipc/types.js';
import { exportProject } from '../../../main/importExport/projectExport.js';
import { importIntoProject } from '../../../main/importExport/projectImport.js';
import { ProjectService } from '../../../main/project/projectService.js';
import { writeMotSequence } from '../../helpers/motSequences.js';
import { tempDir } from '../../helpers/tempDir.js';

async function writeImage(path: string, shade: number): Promise<void> {
  await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 80, b: 255 - shade } } })
    .png()
    .toFile(path);
}

const CITIES = { aachen: ['aachen_000000_000019', 'aachen_000001_000019'], bochum: ['bochum_000000_000313'] };
const CROWD_IDS = ['273271,c9db000d5146c15', '284193,faa9000f2678b5e', '283554,35288000868e92d4'];

describe('--split FILE --subset NAME with MOTChallenge, CityPersons and CrowdHuman sources', () => {
  const dir = tempDir();
  const split = join(dir.path, 'split.json');
  let projects = 0;

  /** Imports into a fresh, empty project and answers the paths (from the test folder) of the images that came in. */
  async function importedImages(format: ImportFormat, path: string, options: ImportOptions): Promise<string[]> {
    const folder = join(dir.path, `project-${++projects}`);
    mkdirSync(folder);
    const service = new ProjectService();
    try {
      await service.openFolder(folder);
      await importIntoProject(service.store, { format, path, options });
      return service.store.images
        .all()
        .map((i) => relative(dir.path, i.path).split('\\').join('/'))
        .sort();
    } finally {
      service.close();
    }
  }

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    const row = '1,1,2,3,10,12,1,1,1';
    await writeMotSequence(join(dir.path, 'train'), { name: 'MOT17-02', gt: [row, `2${row.slice(1)}`, `3${row.slice(1)}`], frames: 3, shade: 10 });
    await writeMotSequence(join(dir.path, 'train'), { name: 'MOT17-10', gt: [row], frames: 2, shade: 200 });

    for (const [city, names] of Object.entries(CITIES)) {
      mkdirSync(join(dir.path, 'leftImg8bit', 'train', city), { recursive: true });
      mkdirSync(join(dir.path, 'gtBboxCityPersons', 'train', city), { recursive: true });
      for (const [k, name] of names.entries()) {
        await writeImage(join(dir.path, 'leftImg8bit', 'train', city, `${name}_leftImg8bit.png`), 40 * k + 20);
        const labels = { imgHeight: 48, imgWidth: 64, objects: [{ instanceId: 24000, bbox: [2, 4, 10, 20], bboxVis: [2, 4, 10, 10], label: 'pedestrian' }] };
        writeFileSync(join(dir.path, 'gtBboxCityPersons', 'train', city, `${name}_gtBboxCityPersons.json`), JSON.stringify(labels));
      }
    }

    mkdirSync(join(dir.path, 'Images'));
    for (const [k, id] of CROWD_IDS.entries()) await writeImage(join(dir.path, 'Images', `${id}.jpg`), 60 * k);
    const box = { tag: 'person', hbox: [6, 4, 4, 4], head_attr: {}, fbox: [4, 2, 10, 30], vbox: [4, 2, 10, 15], extra: { box_id: 0 } };
    writeFileSync(join(dir.path, 'annotation_train.odgt'), CROWD_IDS.map((ID) => `${JSON.stringify({ ID, gtboxes: [box] })}\n`).join(''));

    writeFileSync(
      split,
      JSON.stringify({
        mot: ['MOT17-02/img1/000002.png', 'MOT17-10/img1/000001.png'],
        motFrames: ['000002.png'],
        motMissing: ['MOT17-02/img1/000001.png', 'MOT17-99/img1/000001.png'],
        coco: ['MOT17-10/img1/000002.png'],
        citypersons: ['bochum/bochum_000000_000313_leftImg8bit.png', 'aachen_000001_000019_leftImg8bit.png'],
        crowdhuman: [`Images/${CROWD_IDS[0]}.jpg`, `${CROWD_IDS[2]}.jpg`],
      }),
    );
  });
  afterAll(() => dir.remove());

  it('tells frames of different MOTChallenge sequences apart by their paths, while a bare name takes them all', async () => {
    const train = join(dir.path, 'train');
    expect(await importedImages('mot', train, { split, subset: 'mot' })).toEqual(['train/MOT17-02/img1/000002.png', 'train/MOT17-10/img1/000001.png']);
    expect(await importedImages('mot', train, { split, subset: 'motFrames' })).toEqual(['train/MOT17-02/img1/000002.png', 'train/MOT17-10/img1/000002.png']);
    await expect(importedImages('mot', train, { split, subset: 'motMissing' })).rejects.toThrow(
      `${split} "motMissing" lists images that are not in ${train}: MOT17-99/img1/000001.png`,
    );
  });

  it('takes one frame by its path from a COCO file that names frames of several sequences', async () => {
    const train = join(dir.path, 'train');
    const folder = join(dir.path, 'all-frames');
    mkdirSync(folder);
    const service = new ProjectService();
    try {
      await service.openFolder(folder);
      await importIntoProject(service.store, { format: 'mot', path: train });
      await exportProject(service.store, { format: 'coco', path: join(dir.path, 'frames.json') }, { overwrite: false });
    } finally {
      service.close();
    }
    expect(await importedImages('coco', join(dir.path, 'frames.json'), { split, subset: 'coco', imageRoot: train })).toEqual([
      'train/MOT17-10/img1/000002.png',
    ]);
  });

  it('takes the CityPersons images a split names, by path or by name', async () => {
    const images = await importedImages('citypersons', join(dir.path, 'gtBboxCityPersons', 'train'), {
      split,
      subset: 'citypersons',
      imageRoot: join(dir.path, 'leftImg8bit', 'train'),
    });
    expect(images).toEqual(['leftImg8bit/train/aachen/aachen_000001_000019_leftImg8bit.png', 'leftImg8bit/train/bochum/bochum_000000_000313_leftImg8bit.png']);
  });

  it('takes the CrowdHuman images a split names, by path or by name', async () => {
    const images = await importedImages('crowdhuman', join(dir.path, 'annotation_train.odgt'), {
      split,
      subset: 'crowdhuman',
      imageRoot: join(dir.path, 'Images'),
    });
    expect(images).toEqual([`Images/${CROWD_IDS[0]}.jpg`, `Images/${CROWD_IDS[2]}.jpg`]);
  });
});
