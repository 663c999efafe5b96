import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { failIn } from '../../core/formats/formatError.js';
import { crossCheckPennFudan, instancesFromIndexMask, parsePennFudanAnnotation } from '../../core/formats/pennFudan.js';
import type { SourceImage } from '../../core/formats/sourceAnnotations.js';
import { DEFAULT_CATEGORY } from '../project/projectService.js';
import { listImageFiles } from '../project/scanFolder.js';
import { readIndexPng } from './indexPng.js';
import { emptyResult, readText, type ReadContext, type ReadResult } from './readContext.js';

/** Where a Penn-Fudan dataset keeps its images. */
export function pennFudanImageFolder(root: string): string {
  return join(root, 'PNGImages');
}

/**
 * A Penn-Fudan folder: `PNGImages/NAME.png`, its instance mask `PedMasks/NAME_mask.png` (value k = pedestrian k)
 * and its text `Annotation/NAME.txt`. Each mask value becomes one pedestrian with its mask, box and area derived as
 * `ctx.options.boxes` says; the text's boxes are compared with the masks' and disagreements reported per image.
 */
export async function readPennFudan(root: string, ctx: ReadContext): Promise<ReadResult> {
  const imageFolder = pennFudanImageFolder(root);
  const maskFolder = join(root, 'PedMasks');
  const textFolder = join(root, 'Annotation');
  for (const folder of [imageFolder, maskFolder]) if (!existsSync(folder)) failIn(root, '', `is not a Penn-Fudan folder: ${basename(folder)}/ is missing`);
  const convention = ctx.options.boxes ?? 'tutorial';
  const result = { ...emptyResult(), categories: [{ name: DEFAULT_CATEGORY }] };
  if (!existsSync(textFolder)) result.warnings.push(`${root}: no Annotation/ folder, so the boxes were not cross-checked`);
  for (const imagePath of await listImageFiles(imageFolder)) {
    const fileName = basename(imagePath);
    if (!ctx.selection.has(fileName)) continue;
    const stem = basename(fileName, extname(fileName));
    const maskPath = join(maskFolder, `${stem}_mask.png`);
    if (!existsSync(maskPath)) failIn(imagePath, '', `has no instance mask (expected ${maskPath})`);
    const image = await ctx.resolver.resolve(fileName, imageFolder, imagePath);
    const expected = image.width !== null && image.height !== null ? { width: image.width, height: image.height, image: fileName } : undefined;
    const mask = await readIndexPng(maskPath, expected);
    const instances = instancesFromIndexMask(mask.values, mask.height, mask.width, convention);
    const textPath = join(textFolder, `${stem}.txt`);
    const text = existsSync(textPath) ? parsePennFudanAnnotation(await readText(textPath), textPath) : null;
    if (text) {
      const problems = crossCheckPennFudan(text, instances, mask.height, mask.width);
      if (problems.length > 0) result.disagreements.push({ image: fileName, problems });
    } else if (existsSync(textFolder)) {
      result.disagreements.push({ image: fileName, problems: [`no annotation text (${textPath})`] });
    }
    const labels = new Map(text?.objects.map((o) => [o.index, o.label]));
    const source: SourceImage = {
      fileName,
      width: mask.width,
      height: mask.height,
      where: maskPath,
      annotations: instances.map((inst) => ({
        category: DEFAULT_CATEGORY,
        bbox: inst.bbox,
        area: inst.area,
        iscrowd: false,
        segmentation: { kind: 'rle', rle: inst.mask },
        attributes: labels.has(inst.value) ? { label: labels.get(inst.value) } : {},
      })),
    };
    result.entries.push({ image, source });
  }
  return result;
}
