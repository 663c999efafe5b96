import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CITYPERSONS_SUFFIX, CITYSCAPES_IMAGE_SUFFIX, parseCityPersons, writeCityPersons } from '../../core/formats/cityPersons.js';
import { failIn } from '../../core/formats/formatError.js';
import { PedlabError } from '../errors.js';
import { DEFAULT_CATEGORY } from '../project/projectService.js';
import type { ExportData } from './exportData.js';
import { pedestrianCategory } from './pedestrianCategory.js';
import { emptyResult, readJson, type ReadContext, type ReadResult } from './readContext.js';

/** The `NAME_gtBboxCityPersons.json` files a path holds: the file itself, or those in it and in its city folders, by name. */
async function cityPersonsFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) failIn(path, '', 'not found');
  if (info.isFile()) return [path];
  if (!info.isDirectory()) failIn(path, '', `is neither a ${CITYPERSONS_SUFFIX} file nor a folder of them`);
  const files: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(CITYPERSONS_SUFFIX)) files.push(join(path, entry.name));
    if (!entry.isDirectory()) continue;
    const inside = await readdir(join(path, entry.name), { withFileTypes: true });
    files.push(...inside.filter((e) => e.isFile() && e.name.endsWith(CITYPERSONS_SUFFIX)).map((e) => join(path, entry.name, e.name)));
  }
  if (files.length === 0) failIn(path, '', `holds no CityPersons files (CITY/NAME${CITYPERSONS_SUFFIX})`);
  return files.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * CityPersons ground truth: one `NAME_gtBboxCityPersons.json` file, or a folder of them (a split folder of city
 * folders, or one city's). Each labels `CITY/NAME_leftImg8bit.png` under the image root (default: the project
 * folder), CITY being the folder the file is in; annotations are as `parseCityPersons` reads them.
 */
export async function readCityPersons(path: string, ctx: ReadContext): Promise<ReadResult> {
  const result = emptyResult();
  const root = ctx.options.imageRoot ? resolve(ctx.options.imageRoot) : ctx.projectFolder;
  const categories = new Set<string>([DEFAULT_CATEGORY]);
  for (const file of await cityPersonsFiles(path)) {
    const stem = basename(file).slice(0, -CITYPERSONS_SUFFIX.length);
    const fileName = `${stem}${CITYSCAPES_IMAGE_SUFFIX}`;
    if (!ctx.selection.has(join(root, basename(dirname(file)), fileName))) continue;
    const { width, height, annotations } = parseCityPersons(await readJson(file), file, DEFAULT_CATEGORY);
    for (const a of annotations) categories.add(a.category);
    const image = await ctx.resolver.resolve(join(basename(dirname(file)), fileName), root, file);
    result.entries.push({ image, source: { fileName, width, height, annotations, where: file } });
  }
  result.categories = [...categories].map((name) => ({ name }));
  return result;
}

/**
 * A CityPersons folder, `OUT/CITY/NAME_gtBboxCityPersons.json` per image, CITY being the image's folder and NAME
 * its name less `_leftImg8bit`; annotations as `writeCityPersons` writes them.
 */
export async function writeCityPersonsFolder(data: ExportData, out: string): Promise<number> {
  const pedestrian = pedestrianCategory(data)?.name ?? DEFAULT_CATEGORY;
  const names = new Map(data.categories.map((c) => [c.id, c.name]));
  const taken = new Map<string, string>();
  let leftOut = 0;
  let rounded = 0;
  for (const { image, annotations } of data.images) {
    const stem = image.fileName.endsWith(CITYSCAPES_IMAGE_SUFFIX)
      ? image.fileName.slice(0, -CITYSCAPES_IMAGE_SUFFIX.length)
      : basename(image.fileName, extname(image.fileName));
    const file = join(basename(dirname(image.path)), `${stem}${CITYPERSONS_SUFFIX}`);
    const other = taken.get(file);
    if (other) throw new PedlabError('export-clash', `${other} and ${image.path} would both be exported as ${file}; rename one of them.`);
    taken.set(file, image.path);
    rounded += annotations.filter((a) => a.bbox.some((v) => !Number.isInteger(v))).length;
    const outputs = annotations.map((a) => ({ category: names.get(a.categoryId)!, bbox: a.bbox, iscrowd: a.iscrowd, attributes: a.attributes }));
    const written = writeCityPersons(image.width, image.height, outputs, pedestrian);
    leftOut += written.leftOut;
    await mkdir(dirname(join(out, file)), { recursive: true });
    await writeFile(join(out, file), `${JSON.stringify(written.json, null, 4)}\n`);
  }
  if (leftOut > 0) data.warnings.push(`CityPersons labels persons only: ${leftOut} annotations of other categories were left out`);
  if (rounded > 0) data.warnings.push(`CityPersons holds whole pixels: ${rounded} boxes were rounded to the nearest pixel edges`);
  return taken.size;
}
