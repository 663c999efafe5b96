import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { failIn } from '../../core/formats/formatError.js';
import { frameFileName, motGroundTruth, parseMotRows, parseSeqinfo, type SequenceInfo } from '../../core/formats/motChallenge.js';
import { DEFAULT_CATEGORY } from '../project/projectService.js';
import type { ImageResolver, ResolvedImage } from './imageResolver.js';
import { emptyResult, readText, type ReadContext, type ReadResult } from './readContext.js';

/** A MOTChallenge sequence folder with its seqinfo.ini read and its frame folder checked. */
export interface MotSequence {
  folder: string;
  info: SequenceInfo;
  frameFolder: string;
}

const SEQINFO = 'seqinfo.ini';

export async function readSequence(folder: string): Promise<MotSequence> {
  const iniPath = join(folder, SEQINFO);
  if (!existsSync(iniPath)) failIn(folder, '', `is not a MOTChallenge sequence: ${SEQINFO} is missing`);
  const info = parseSeqinfo(await readText(iniPath), iniPath);
  const frameFolder = join(folder, info.imDir);
  if (!existsSync(frameFolder) || !statSync(frameFolder).isDirectory()) {
    failIn(folder, '', `is not a MOTChallenge sequence: its frame folder ${info.imDir}/ (imDir in ${SEQINFO}) is missing`);
  }
  return { folder, info, frameFolder };
}

/**
 * The project image of a frame, or null when the frame file is missing. Frame names repeat in every sequence, so
 * the resolver's fallback to the project's only image of that name (another sequence's frame) does not apply.
 */
export async function resolveFrame(resolver: ImageResolver, sequence: MotSequence, frame: number, where: string): Promise<ResolvedImage | null> {
  const path = resolve(sequence.frameFolder, frameFileName(frame, sequence.info.imExt));
  const image = await resolver.resolve(basename(path), sequence.frameFolder, where);
  return image.path === path ? image : null;
}

/** The sequences a path holds: the sequence folder itself, or the sequence folders directly inside it, by name. */
export async function findSequences(path: string): Promise<MotSequence[]> {
  if (!existsSync(path) || !statSync(path).isDirectory()) failIn(path, '', 'is not a folder (give a MOTChallenge sequence folder or a folder of them)');
  if (existsSync(join(path, SEQINFO))) return [await readSequence(path)];
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && existsSync(join(path, e.name, SEQINFO)))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (names.length === 0) failIn(path, '', `holds no MOTChallenge sequence: ${SEQINFO} is missing, and no folder inside has one`);
  return Promise.all(names.map((n) => readSequence(join(path, n))));
}

/**
 * A MOTChallenge sequence folder or a folder of them. Every frame `imDir/000001.jpg`… becomes an image of the
 * project, in sequence order, with its ground truth from `gt/gt.txt` as `motGroundTruth` reads it: pedestrians,
 * ignore regions (crowd annotations), the rest skipped and counted. Each annotation keeps its `track_id`,
 * `visibility` and `sequence` as attributes.
 */
export async function readMot(path: string, ctx: ReadContext): Promise<ReadResult> {
  const result = { ...emptyResult(), categories: [{ name: DEFAULT_CATEGORY }] };
  for (const sequence of await findSequences(path)) {
    const { folder, info, frameFolder } = sequence;
    const gtPath = join(folder, 'gt', 'gt.txt');
    if (!existsSync(gtPath)) failIn(folder, '', 'has no ground truth: gt/gt.txt is missing');
    const rows = parseMotRows(await readText(gtPath), gtPath, info.seqLength);
    const { byFrame, skipped } = motGroundTruth(rows, DEFAULT_CATEGORY, info.name);
    if (skipped > 0) result.warnings.push(`${gtPath}: ${skipped} rows of classes that are not persons (vehicles, occluders, crowds) were skipped`);
    for (let frame = 1; frame <= info.seqLength; frame++) {
      const fileName = frameFileName(frame, info.imExt);
      if (!ctx.selection.has(join(frameFolder, fileName))) continue;
      const where = `${gtPath}: frame ${frame}`;
      const image = await resolveFrame(ctx.resolver, sequence, frame, where);
      if (!image) {
        result.unmatched.push({ image: join(frameFolder, fileName), error: `file not found (frame ${frame} of ${info.name})` });
        continue;
      }
      const annotations = byFrame.get(frame) ?? [];
      result.entries.push({ image, source: { fileName, width: info.imWidth, height: info.imHeight, annotations, where } });
    }
  }
  return result;
}
