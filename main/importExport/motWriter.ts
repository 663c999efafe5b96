import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import {
  frameFileName,
  isFrameExtension,
  isPlainName,
  parseSeqinfo,
  writeMotGroundTruth,
  writeSeqinfo,
  type MotOutputRow,
  type SequenceInfo,
} from '../../core/formats/motChallenge.js';
import { PedlabError } from '../errors.js';
import { sequenceFolder } from '../project/imageFolder.js';
import { pedestrianCategory } from './pedestrianCategory.js';
import type { ExportData, ExportImage } from './exportData.js';
import { readText } from './readContext.js';

/** The images of one frame folder, in name order. */
interface Sequence {
  name: string;
  folder: string;
  images: ExportImage[];
}

/** 30 frames a second when nothing says otherwise: the rate of most MOT17 sequences. */
const DEFAULT_FRAME_RATE = 30;

/** A folder name as a sequence name: its characters other than letters, digits, ".", "-" and "_" made "_". */
function plainSequenceName(folderName: string): string {
  const name = folderName.replace(/[^\w.\-]/g, '_');
  return isPlainName(name) ? name : 'sequence';
}

/**
 * The frame rate of the sequence a frame folder was imported from: the frameRate of the seqinfo.ini beside it,
 * when that file names this folder as its imDir. A missing, unreadable or malformed file says nothing.
 */
async function sourceFrameRate(frameFolder: string): Promise<number | null> {
  const iniPath = join(dirname(frameFolder), 'seqinfo.ini');
  if (!existsSync(iniPath)) return null;
  try {
    const info = parseSeqinfo(await readText(iniPath), iniPath);
    return join(dirname(frameFolder), info.imDir) === frameFolder ? info.frameRate : null;
  } catch {
    return null;
  }
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
    const name = (recorded as string | undefined) ?? plainSequenceName(basename(sequenceFolder(folder)));
    const other = taken.get(name);
    if (other) throw new PedlabError('export-clash', `${other} and ${folder} would both be exported as sequence ${name}; rename one of the folders.`);
    taken.set(name, folder);
    return { name, folder, images };
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
 * The sequence's seqinfo.ini, and whether its frames are already where the file puts them once the export is at
 * `destination` (the export written into the folder holding the sequences): `SEQ/IMDIR/000001.EXT`, ….
 */
async function sequenceInfo(
  sequence: Sequence,
  frames: readonly number[],
  destination: string,
): Promise<{ info: SequenceInfo & { frameRate: number }; inPlace: boolean }> {
  const first = sequence.images[0].image;
  const ext = extname(first.fileName);
  const imExt = isFrameExtension(ext) ? ext : '.jpg';
  const frameFolderName = basename(sequence.folder);
  const inPlace =
    dirname(sequence.folder) === join(destination, sequence.name) &&
    isPlainName(frameFolderName) &&
    sequence.images.every(({ image }, i) => image.fileName === frameFileName(frames[i], imExt));
  const info = {
    name: sequence.name,
    imDir: inPlace ? frameFolderName : 'img1',
    frameRate: (await sourceFrameRate(sequence.folder)) ?? DEFAULT_FRAME_RATE,
    seqLength: frames.reduce((a, b) => Math.max(a, b), 0),
    imWidth: first.width,
    imHeight: first.height,
    imExt,
  };
  return { info, inPlace };
}

/**
 * A MOTChallenge ground-truth folder: `OUT/SEQ/seqinfo.ini` and `OUT/SEQ/gt/gt.txt` per sequence, rows as
 * `writeMotGroundTruth` writes them. Track ids come from the `track_id` attributes; an annotation without one is
 * a track of its own, numbered after the sequence's highest. Only pedestrians can be written; other categories
 * are left out. Frames are not copied: a sequence imports back from `destination` (where the export ends up)
 * once its frames are in `SEQ/IMDIR/`, as they already are when the export goes into the folder holding the
 * sequences; a warning names the sequences whose frames are elsewhere.
 */
export async function writeMotFolder(data: ExportData, out: string, destination: string): Promise<number> {
  const pedestrianId = pedestrianCategory(data)?.id;
  let otherCategories = 0;
  let rounded = 0;
  const list = sequences(data);
  const elsewhere: string[] = [];
  let example = '';
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
    const { info, inPlace } = await sequenceInfo(sequence, frames, destination);
    if (!inPlace) {
      elsewhere.push(sequence.name);
      example ||= `${info.imDir}/${frameFileName(1, info.imExt)}`;
    }
    await mkdir(join(out, sequence.name, 'gt'), { recursive: true });
    await writeFile(join(out, sequence.name, 'seqinfo.ini'), writeSeqinfo(info));
    await writeFile(join(out, sequence.name, 'gt', 'gt.txt'), writeMotGroundTruth(rows));
  }
  if (otherCategories > 0)
    data.warnings.push(`MOTChallenge ground truth holds pedestrians only: ${otherCategories} annotations of other categories were left out`);
  if (rounded > 0) data.warnings.push(`MOTChallenge holds whole pixels: ${rounded} boxes were rounded to the nearest pixel edges`);
  const masked = data.images.reduce((n, img) => n + img.annotations.filter((a) => a.mask && a.categoryId === pedestrianId).length, 0);
  if (masked > 0) data.warnings.push(`MOTChallenge ground truth holds boxes only: the masks of ${masked} annotations were not written`);
  if (elsewhere.length > 0) {
    data.warnings.push(
      `MOTChallenge export copies no frames: to import ${destination} back, put each sequence's frames in its folder as its seqinfo.ini says (${example}, …); not there now: ${elsewhere.join(', ')}`,
    );
  }
  return list.length * 2;
}
