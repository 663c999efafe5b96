import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { crowdHumanImageName, parseOdgt, writeOdgt } from '../../core/formats/crowdHuman.js';
import { PedlabError } from '../errors.js';
import { DEFAULT_CATEGORY } from '../project/projectService.js';
import type { ExportData } from './exportData.js';
import { pedestrianCategory } from './pedestrianCategory.js';
import { emptyResult, readText, sourceFiles, type ReadContext, type ReadResult } from './readContext.js';

/**
 * CrowdHuman ground truth: an `.odgt` file or a folder of them. Each line labels `ID.jpg` under the image root
 * (default: the project folder); its boxes are pedestrians and ignore regions as `parseOdgt` reads them.
 */
export async function readCrowdHuman(path: string, ctx: ReadContext): Promise<ReadResult> {
  const result = { ...emptyResult(), categories: [{ name: DEFAULT_CATEGORY }] };
  const root = ctx.options.imageRoot ? resolve(ctx.options.imageRoot) : ctx.projectFolder;
  for (const file of await sourceFiles(path, '.odgt')) {
    for (const record of parseOdgt(await readText(file), file, DEFAULT_CATEGORY)) {
      const fileName = crowdHumanImageName(record.id);
      if (!ctx.selection.has(resolve(root, fileName))) continue;
      const where = `${file}: ${record.where}`;
      result.entries.push({ image: await ctx.resolver.resolve(fileName, root, where), source: { fileName, annotations: record.annotations, where } });
    }
  }
  return result;
}

/** One `.odgt` file, a line per image (its ID the image's name less the extension); pedestrians only. */
export async function writeCrowdHumanFile(data: ExportData, path: string): Promise<number> {
  const pedestrianId = pedestrianCategory(data)?.id;
  const taken = new Map<string, string>();
  let otherCategories = 0;
  let rounded = 0;
  const images = data.images.map(({ image, annotations }) => {
    const id = basename(image.fileName, extname(image.fileName));
    const other = taken.get(id);
    if (other) throw new PedlabError('export-clash', `${other} and ${image.path} would both be exported as ID ${id}; rename one of them.`);
    taken.set(id, image.path);
    const boxes = annotations.filter((a) => a.categoryId === pedestrianId);
    otherCategories += annotations.length - boxes.length;
    rounded += boxes.filter((a) => a.bbox.some((v) => !Number.isInteger(v))).length;
    return { id, boxes: boxes.map((a) => ({ bbox: a.bbox, iscrowd: a.iscrowd, attributes: a.attributes })) };
  });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, writeOdgt(images));
  if (otherCategories > 0) data.warnings.push(`CrowdHuman ground truth holds persons only: ${otherCategories} annotations of other categories were left out`);
  if (rounded > 0) data.warnings.push(`CrowdHuman holds whole pixels: ${rounded} boxes were rounded to the nearest pixel edges`);
  return 1;
}
