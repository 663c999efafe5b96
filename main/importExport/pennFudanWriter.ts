import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import sharp from 'sharp';
import { indexMaskFromInstances, instancesFromIndexMask, writePennFudanAnnotation } from '../../core/formats/pennFudan.js';
import { rleFromCoco } from '../../core/masks/rleString.js';
import { needsTurning } from '../imaging/orientation.js';
import { filesByStem, type ExportData } from './exportData.js';

const DEFAULT_LABEL = 'PASpersonWalking';

function sortedOrder(names: readonly string[]): number[] {
  return names.map((_, i) => i).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
}

/**
 * The stems the files get. The tutorial pairs images and masks by sorting both folders' listings, so when
 * `NAME.png` and `NAME_mask.png` would sort differently the stems are numbered to keep the pairs together.
 */
function pairedStems(data: ExportData): string[] {
  const stems = filesByStem(data.images, '');
  const images = sortedOrder(stems.map((s) => `${s}.png`));
  const masks = sortedOrder(stems.map((s) => `${s}_mask.png`));
  if (images.every((v, i) => v === masks[i])) return stems;
  data.warnings.push('image names would pair with the wrong masks when sorted, so they are numbered (00001_NAME.png, …)');
  return stems.map((s, i) => `${String(i + 1).padStart(5, '0')}_${s}`);
}

/**
 * A folder the torchvision tutorial's `PennFudanDataset` reads unchanged: `PNGImages/NAME.png` (upright),
 * `PedMasks/NAME_mask.png` (8-bit grey, value k = instance k, 0 = background) and `Annotation/NAME.txt` with
 * each instance's box as the mask gives it. Only masks can be written: box-only and crowd annotations are left
 * out, and where masks overlap the later one keeps the pixels; each is reported.
 */
export async function writePennFudanFolder(data: ExportData, out: string): Promise<number> {
  const folder = basename(out);
  const dirs = { images: join(out, 'PNGImages'), masks: join(out, 'PedMasks'), text: join(out, 'Annotation') };
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true });
  const stems = pairedStems(data);
  let boxOnly = 0;
  let crowd = 0;
  for (const [i, { image, name, annotations }] of data.images.entries()) {
    const { width, height } = image;
    const imageFile = `${stems[i]}.png`;
    const maskFile = `${stems[i]}_mask.png`;
    if (extname(image.path).toLowerCase() === '.png' && !needsTurning(image.orientation)) await copyFile(image.path, join(dirs.images, imageFile));
    else await sharp(image.path).rotate().png().toFile(join(dirs.images, imageFile));

    boxOnly += annotations.filter((a) => !a.mask).length;
    crowd += annotations.filter((a) => a.mask && a.iscrowd).length;
    const kept = annotations.filter((a) => a.mask && !a.iscrowd);
    const { values, hidden } = indexMaskFromInstances(
      kept.map((a) => rleFromCoco(a.mask!.size, a.mask!.counts)),
      height,
      width,
    );
    await sharp(values, { raw: { width, height, channels: 1 } })
      .toColourspace('b-w')
      .png()
      .toFile(join(dirs.masks, maskFile));

    const present = instancesFromIndexMask(values, height, width, 'tutorial');
    if (hidden.length > 0) data.warnings.push(`${name}: instances ${hidden.map((k) => k + 1).join(', ')} overlap later ones and lost those pixels`);
    if (present.length < kept.length) {
      data.warnings.push(`${name}: ${kept.length - present.length} instances are wholly covered by others and are not in the mask`);
    }
    const objects = present.map((inst) => {
      const label = kept[inst.value - 1].attributes.label;
      return { index: inst.value, label: typeof label === 'string' ? label : DEFAULT_LABEL, corners: inst.corners };
    });
    const text = writePennFudanAnnotation({ folder, database: 'Pedlab export', imageFile, maskFile, width, height, channels: 3, objects });
    await writeFile(join(dirs.text, `${stems[i]}.txt`), text);
  }
  if (boxOnly > 0) data.warnings.push(`${boxOnly} annotations have no mask and were left out (Penn-Fudan instances are masks)`);
  if (crowd > 0) data.warnings.push(`${crowd} crowd regions were left out (the tutorial treats every mask as one pedestrian)`);
  return data.images.length * 3;
}
