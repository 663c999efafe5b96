import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { isPlainName, writeMotGroundTruth, type MotOutputRow } from '../../core/formats/motChallenge.js';
import { PedlabError } from '../errors.js';
import { pedestrianCategory } from './pedestrianCategory.js';
import type { ExportData, ExportImage } from './exportData.js';

/** The images of one frame folder, in name order. */
interface Sequence {
  name: string;
  images: ExportImage[];
}

/**
 * The project's images by folder, each folder a sequence named as its annotations' `sequence` attribute says
 * (as a MOTChallenge import records it), else as the folder (the one above it when it is `img1`).
 */
function sequences(data: ExportData): Sequence[] {
  const byFolder = new Map<string, ExportImage[]>();
  for (const image of data.images) {
    const folder = dirname(image.image.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), image]);
  }
  const taken = new Map<string, string>();
  return [...byFolder].map(([folder, images]) => {
    images.sort((a, b) => a.image.fileName.localeCompare(b.image.fileName, 'en', { numeric: true }));
    const recorded = images.flatMap((i) => i.annotations.map((a) => a.attributes.sequence)).find((s) => typeof s === 'string' && isPlainName(s));
    const name = (recorded as string | undefined) ?? basename(basename(folder) === 'img1' ? dirname(folder) : folder);
    const other = taken.get(name);
    if (other) throw new PedlabError('export-clash', `${other} and ${folder} would both be exported as sequence ${name}; rename one of the folders.`);
    taken.set(name, folder);
    return { name, images };
  });
}

/** Frame numbers: the file names' own (`000001.jpg` is frame 1) when all are distinct numbers, else positions. */
function frameNumbers(sequence: Sequence, warnings: string[]): number[] {
  const stems = sequence.images.map(({ image }) => basename(image.fileName, extname(image.fileName)));
  const numbers = stems.map((s) => (/^\d{1,9}$/.test(s) ? Number(s) : NaN));
  if (numbers.every((n) => n >= 1) && new Set(numbers).size === numbers.length) return numbers;
  warnings.push(`${sequence.name}: the image names are not distinct frame numbers, so frames are numbered 1…${stems.length} in name order`);
  return numbers.map((_, i) => i + 1);
}

/**
 * A MOTChallenge ground-truth folder: `OUT/SEQ/gt/gt.txt` per sequence, rows as `writeMotGroundTruth` writes
 * them. Track ids come from the `track_id` attributes; an annotation without one is a track of its own,
 * numbered after the sequence's highest. Only pedestrians can be written; other categories are left out.
 */
export async function writeMotFolder(data: ExportData, out: string): Promise<number> {
  const pedestrianId = pedestrianCategory(data)?.id;
  let otherCategories = 0;
  let rounded = 0;
  const list = sequences(data);
  for (const sequence of list) {
    const frames = frameNumbers(sequence, data.warnings);
    const annotations = sequence.images.flatMap(({ annotations }, i) => annotations.map((a) => ({ frame: frames[i], a })));
    const recordedIds = annotations.map(({ a }) => a.attributes.track_id).filter((t): t is number => Number.isInteger(t));
    let nextTrack = Math.max(0, ...recordedIds);
    const rows: MotOutputRow[] = [];
    for (const { frame, a } of annotations) {
      if (a.categoryId !== pedestrianId) {
        otherCategories++;
        continue;
      }
      if (a.bbox.some((v) => !Number.isInteger(v))) rounded++;
      const trackId = Number.isInteger(a.attributes.track_id) ? (a.attributes.track_id as number) : ++nextTrack;
      rows.push({ frame, trackId, bbox: a.bbox, iscrowd: a.iscrowd, attributes: a.attributes });
    }
    rows.sort((p, q) => p.frame - q.frame || p.trackId - q.trackId);
    await mkdir(join(out, sequence.name, 'gt'), { recursive: true });
    await writeFile(join(out, sequence.name, 'gt', 'gt.txt'), writeMotGroundTruth(rows));
  }
  if (otherCategories > 0) data.warnings.push(`MOTChallenge ground truth holds pedestrians only: ${otherCategories} annotations of other categories were left out`);
  if (rounded > 0) data.warnings.push(`MOTChallenge holds whole pixels: ${rounded} boxes were rounded to the nearest pixel edges`);
  const masked = data.images.reduce((n, img) => n + img.annotations.filter((a) => a.mask && a.categoryId === pedestrianId).length, 0);
  if (masked > 0) data.warnings.push(`MOTChallenge ground truth holds boxes only: the masks of ${masked} annotations were not written`);
  return list.length;
}
