import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readCocoInstances } from '../../core/formats/cocoInstances.js';
import { failIn } from '../../core/formats/formatError.js';
import { parseLabelme } from '../../core/formats/labelme.js';
import { parseVocXml } from '../../core/formats/pascalVoc.js';
import { parseYoloClasses, parseYoloLabels } from '../../core/formats/yolo.js';
import { emptyResult, readJson, readText, sourceFiles, type ReadContext, type ReadResult } from './readContext.js';

function imageRoot(ctx: ReadContext, fallback: string): string {
  return ctx.options.imageRoot ? resolve(ctx.options.imageRoot) : fallback;
}

/** A COCO instances file; `file_name`s are looked up under the image root (default: the project folder). */
export async function readCoco(path: string, ctx: ReadContext): Promise<ReadResult> {
  const dataset = readCocoInstances(await readJson(path), path);
  const result = { ...emptyResult(), categories: dataset.categories };
  const root = imageRoot(ctx, ctx.projectFolder);
  for (const source of dataset.images) {
    if (!ctx.selection.has(source.fileName)) continue;
    result.entries.push({ image: await ctx.resolver.resolve(source.fileName, root, source.where), source });
  }
  return result;
}

/** One VOC XML file or a folder of them; `<filename>` is looked up under the image root (default: the project folder). */
export async function readVoc(path: string, ctx: ReadContext): Promise<ReadResult> {
  const result = emptyResult();
  const root = imageRoot(ctx, ctx.projectFolder);
  for (const file of await sourceFiles(path, '.xml')) {
    const source = parseVocXml(await readText(file), file);
    if (!ctx.selection.has(source.fileName)) continue;
    result.entries.push({ image: await ctx.resolver.resolve(source.fileName, root, source.where), source });
  }
  return result;
}

/** One labelme JSON file or a folder of them; `imagePath` is relative to the JSON file unless an image root is given. */
export async function readLabelme(path: string, ctx: ReadContext): Promise<ReadResult> {
  const result = emptyResult();
  for (const file of await sourceFiles(path, '.json')) {
    const { image: source, warnings } = parseLabelme(await readJson(file), file);
    if (!ctx.selection.has(source.fileName)) continue;
    result.warnings.push(...warnings);
    const root = imageRoot(ctx, dirname(file));
    const name = ctx.options.imageRoot ? basename(source.fileName.replace(/\\/g, '/')) : source.fileName;
    result.entries.push({ image: await ctx.resolver.resolve(name, root, source.where), source });
  }
  return result;
}

/**
 * A folder of YOLO label files (or one file) with `classes.txt` beside them (or `classes`); each `NAME.txt`
 * labels the image `NAME.png`/`.jpg`/`.jpeg` under the image root (default: the project folder).
 */
export async function readYolo(path: string, ctx: ReadContext): Promise<ReadResult> {
  const files = await sourceFiles(path, '.txt', ['classes.txt']);
  const folder = files.length === 1 && files[0] === path ? dirname(path) : path;
  const classesPath = ctx.options.classes ? resolve(ctx.options.classes) : join(folder, 'classes.txt');
  if (!existsSync(classesPath)) failIn(folder, '', 'has no classes.txt; give the class names file with --classes FILE');
  const classes = parseYoloClasses(await readText(classesPath), classesPath);
  const result = { ...emptyResult(), categories: classes.map((name) => ({ name })) };
  const root = imageRoot(ctx, ctx.projectFolder);
  for (const file of files) {
    const name = basename(file, extname(file));
    if (!ctx.selection.hasStem(name)) continue;
    const image = await ctx.resolver.resolveStem(name, root, file);
    if (!image) {
      result.unmatched.push({ image: `${name}.*`, error: `no image named ${name} (.png, .jpg or .jpeg) in ${root} or the project (labels: ${file})` });
      continue;
    }
    if (!ctx.selection.has(image.fileName)) continue;
    const text = await readText(file);
    const annotations = image.width !== null && image.height !== null ? parseYoloLabels(text, file, classes, image.width, image.height) : [];
    result.entries.push({ image, source: { fileName: image.fileName, annotations, where: file } });
  }
  return result;
}
