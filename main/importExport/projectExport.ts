import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeCocoInstances } from '../../core/formats/cocoInstances.js';
import { vocCorners, writeVocXml } from '../../core/formats/pascalVoc.js';
import { writeYoloLabels } from '../../core/formats/yolo.js';
import type { ExportFormat, ExportReport } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import type { ProjectStore } from '../store/projectStore.js';
import { writeCityPersonsFolder } from './cityPersonsFiles.js';
import { writeCrowdHumanFile } from './crowdHumanFiles.js';
import { collectExportData, filesByStem, type ExportData } from './exportData.js';
import { writeMotFolder } from './motWriter.js';
import { writeOutputs, type OutputOptions } from './outputFiles.js';
import { writePennFudanFolder } from './pennFudanWriter.js';

async function writeCoco(data: ExportData, path: string): Promise<number> {
  const json = writeCocoInstances({
    info: { description: `Pedlab project "${data.projectName}"`, version: '1.0', date_created: new Date().toISOString() },
    categories: data.categories,
    images: data.images.map(({ image, name, annotations }) => ({ fileName: name, width: image.width, height: image.height, annotations })),
  });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(json));
  if (data.imageRoot)
    data.warnings.push(
      `file_names are relative to ${data.imageRoot}: this project imports the file as it is; another needs that folder as its image folder (--image-root ${data.imageRoot})`,
    );
  return 1;
}

async function writeVoc(data: ExportData, folder: string): Promise<number> {
  const names = new Map(data.categories.map((c) => [c.id, c.name]));
  const files = filesByStem(data.images, '.xml');
  await mkdir(folder, { recursive: true });
  for (const [i, { image, annotations }] of data.images.entries()) {
    const xml = writeVocXml({
      folder: basename(dirname(image.path)),
      fileName: image.fileName,
      path: image.path,
      width: image.width,
      height: image.height,
      depth: 3,
      objects: annotations.map((a) => ({ name: names.get(a.categoryId)!, bbox: a.bbox, attributes: a.attributes })),
    });
    await writeFile(join(folder, files[i]), xml);
  }
  const masked = data.images.reduce((n, img) => n + img.annotations.filter((a) => a.mask).length, 0);
  if (masked > 0) data.warnings.push(`VOC XML holds boxes only: the masks of ${masked} annotations were not written`);
  const moved = data.images.reduce(
    (n, { image, annotations }) =>
      n +
      annotations.filter(
        (a) => vocCorners(a.bbox, image.width, image.height).join() !== [a.bbox[0] + 1, a.bbox[1] + 1, a.bbox[0] + a.bbox[2], a.bbox[1] + a.bbox[3]].join(),
      ).length,
    0,
  );
  if (moved > 0) data.warnings.push(`VOC holds whole pixels inside the image: ${moved} boxes were rounded to the nearest pixel edges`);
  return files.length;
}

async function writeYolo(data: ExportData, folder: string): Promise<number> {
  const classIndex = new Map(data.categories.map((c, i) => [c.id, i]));
  const files = filesByStem(data.images, '.txt');
  if (files.includes('classes.txt')) throw new PedlabError('export-clash', 'An image named "classes" would overwrite classes.txt; rename it.');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'classes.txt'), data.categories.map((c) => `${c.name}\n`).join(''));
  let crowd = 0;
  for (const [i, { image, annotations }] of data.images.entries()) {
    crowd += annotations.filter((a) => a.iscrowd).length;
    const objects = annotations.filter((a) => !a.iscrowd).map((a) => ({ classIndex: classIndex.get(a.categoryId)!, bbox: a.bbox }));
    await writeFile(join(folder, files[i]), writeYoloLabels(objects, image.width, image.height));
  }
  if (crowd > 0) data.warnings.push(`YOLO has no crowd regions: ${crowd} crowd annotations were left out`);
  return files.length + 1;
}

/** Each writer writes to `path` (a staging copy) what ends up at `destination`. */
const WRITERS: Record<ExportFormat, (data: ExportData, path: string, destination: string) => Promise<number>> = {
  coco: writeCoco,
  voc: writeVoc,
  yolo: writeYolo,
  pennfudan: writePennFudanFolder,
  mot: writeMotFolder,
  citypersons: writeCityPersonsFolder,
  crowdhuman: writeCrowdHumanFile,
};

/**
 * Writes the project's ground truth: `coco` to one JSON file (ids from 1, masks as compressed RLE, `file_name`s
 * as `collectExportData` names the images, with a warning naming the image root when it is not the project folder), `voc` and
 * `yolo` to a folder of one file per image (YOLO with classes.txt), `pennfudan` to a Penn-Fudan-style folder,
 * `mot` to a folder of MOTChallenge sequences' `SEQ/seqinfo.ini` and `SEQ/gt/gt.txt`, `citypersons` to a folder of
 * `CITY/NAME_gtBboxCityPersons.json`, `crowdhuman` to one `.odgt` file.
 * Existing files are replaced only as `writeOutputs` allows.
 */
export async function exportProject(store: ProjectStore, request: { format: ExportFormat; path: string }, options: OutputOptions): Promise<ExportReport> {
  const path = resolve(request.path);
  const data = collectExportData(store);
  const { result: files } = await writeOutputs(path, options, (staged) => WRITERS[request.format](data, staged, path));
  const annotations = data.images.reduce((n, img) => n + img.annotations.length, 0);
  return { format: request.format, path, images: data.images.length, annotations, files, warnings: data.warnings };
}
