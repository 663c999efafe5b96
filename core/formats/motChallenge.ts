import { failIn } from './formatError.js';
import { boxOnly, type BoxTuple, type SourceAnnotation } from './sourceAnnotations.js';

/**
 * MOTChallenge sequences (MOT15/16/17/20): `seqinfo.ini`, frames `img1/000001.jpg`…, ground truth `gt/gt.txt`
 * and detections `det/det.txt`, one box a line as comma-separated values with 1-based pixel coordinates.
 */
export interface SequenceInfo {
  name: string;
  imDir: string;
  frameRate: number | null;
  seqLength: number;
  imWidth: number;
  imHeight: number;
  imExt: string;
}

/** The frame file of frame `frame` (from 1), as the MOTChallenge sequences name them: six digits. */
export function frameFileName(frame: number, imExt: string): string {
  return `${String(frame).padStart(6, '0')}${imExt}`;
}

/** Whether a sequence or folder name is a plain one (letters, digits, ".", "-", "_"), never a path. */
export function isPlainName(name: string): boolean {
  return /^[\w.\-]+$/.test(name) && name !== '.' && name !== '..';
}

/** Whether an extension can be a seqinfo.ini's imExt (`.jpg`, `.png`, `.jpeg`, …). */
export function isFrameExtension(ext: string): boolean {
  return /^\.[A-Za-z]{3,4}$/.test(ext);
}

/** seqinfo.ini text: the `[Sequence]` keys `parseSeqinfo` reads, frame rate included. */
export function writeSeqinfo(info: SequenceInfo & { frameRate: number }): string {
  const { name, imDir, frameRate, seqLength, imWidth, imHeight, imExt } = info;
  const keys = { name, imDir, frameRate, seqLength, imWidth, imHeight, imExt };
  return ['[Sequence]', ...Object.entries(keys).map(([key, value]) => `${key}=${value}`), ''].join('\n');
}

/** `[Sequence]` keys of seqinfo.ini; name, imDir, seqLength and the frame size are needed. */
export function parseSeqinfo(text: string, source: string): SequenceInfo {
  const keys = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(raw);
    if (match) keys.set(match[1].toLowerCase(), match[2]);
  }
  const required = (key: string): string => {
    const value = keys.get(key.toLowerCase());
    if (!value) failIn(source, '', `has no ${key} (a MOTChallenge seqinfo.ini gives name, imDir, seqLength, imWidth, imHeight)`);
    return value;
  };
  const count = (key: string): number => {
    const value = Number(required(key));
    if (!Number.isInteger(value) || value < 1) failIn(source, key, 'must be a whole number from 1');
    return value;
  };
  const name = required('name');
  const imDir = required('imDir');
  if (!isPlainName(name) || !isPlainName(imDir)) {
    failIn(source, '', 'name and imDir must be plain folder names (letters, digits, ".", "-", "_")');
  }
  const imExt = keys.get('imext') || '.jpg';
  if (!isFrameExtension(imExt)) failIn(source, 'imExt', 'must be an image extension such as .jpg');
  const rate = Number(keys.get('framerate'));
  return {
    name,
    imDir,
    frameRate: Number.isFinite(rate) && rate > 0 ? rate : null,
    seqLength: count('seqLength'),
    imWidth: count('imWidth'),
    imHeight: count('imHeight'),
    imExt,
  };
}

/** One line of gt.txt or det.txt: its frame, track id, box (0-based, as COCO has it) and the values after it. */
export interface MotRow {
  frame: number;
  trackId: number;
  bbox: BoxTuple;
  /** Column 7: the ground truth's consider flag, or a detection's confidence. */
  conf: number | null;
  /** Column 8: the ground truth's class (MOT15 and detections: -1). */
  classId: number | null;
  /** Column 9: the ground truth's visibility ratio. */
  visibility: number | null;
}

/** The rows of a gt.txt or det.txt, checked: frames within the sequence, boxes of non-negative size. */
export function parseMotRows(text: string, source: string, seqLength: number): MotRow[] {
  const rows: MotRow[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `line ${i + 1}`;
    const parts = line.split(',');
    if (parts.length < 6) failIn(source, where, `expected at least 6 comma-separated values, got ${parts.length}`);
    const values = parts.map((p) => Number(p.trim()));
    const bad = values.findIndex((v, k) => !Number.isFinite(v) || parts[k].trim() === '');
    if (bad >= 0) failIn(source, where, `value ${bad + 1} is not a number`);
    const [frame, trackId, left, top, width, height] = values;
    if (!Number.isInteger(frame) || frame < 1 || frame > seqLength) failIn(source, where, `frame ${frame} is not a frame of the sequence (1..${seqLength})`);
    if (width < 0 || height < 0) failIn(source, where, `the box has a negative size (${width}, ${height})`);
    const column = (k: number): number | null => (values.length > k ? values[k] : null);
    rows.push({ frame, trackId, bbox: [left - 1, top - 1, width, height], conf: column(6), classId: column(7), visibility: column(8) });
  });
  return rows;
}

/**
 * What a ground-truth class becomes. The classes are the MOT16 paper's (Milan et al., "MOT16: A Benchmark for
 * Multi-Object Tracking", arXiv:1603.00831, the label classes of its data format): 1 pedestrian, 2 person on
 * vehicle, 3 car, 4 bicycle, 5 motorbike, 6 non-motorized vehicle, 7 static person, 8 distractor, 9 occluder,
 * 10 occluder on the ground, 11 occluder full, 12 reflection; MOT20 adds 13 crowd. MOTChallenge's evaluation
 * (TrackEval's mot_challenge_2d_box.py) removes predictions matched to classes 2, 7, 8 and 12 instead of counting
 * them as false (MOT20 adds 6) and scores class 1 rows with the consider flag set. So class 1 with the flag set
 * is a pedestrian; classes 2, 7, 8 and 12, and class 1 with the flag cleared, are ignore regions (crowd
 * annotations: a detection on them is not penalised; TrackEval itself only drops flag-0 rows from the ground
 * truth). Every other class, 6 and 13 included, is no person to detect and is skipped. MOT15's ground truth
 * has no class (-1): its rows are pedestrians.
 */
const MOT_PEDESTRIAN = 1;
const MOT_IGNORED_PERSONS = new Set([2, 7, 8, 12]);

export type MotRole = 'pedestrian' | 'ignore' | 'skip';

/** A row's class; MOT15's rows, which have none, are pedestrians. */
function motClass(row: Pick<MotRow, 'classId'>): number {
  return row.classId === null || row.classId === -1 ? MOT_PEDESTRIAN : row.classId;
}

export function motRole(row: Pick<MotRow, 'conf' | 'classId'>): MotRole {
  const classId = motClass(row);
  if (classId === MOT_PEDESTRIAN) return row.conf === 0 ? 'ignore' : 'pedestrian';
  return MOT_IGNORED_PERSONS.has(classId) ? 'ignore' : 'skip';
}

/** The ground truth of a sequence by frame, as `category` annotations; skipped rows are counted. */
export function motGroundTruth(rows: readonly MotRow[], category: string, sequence: string): { byFrame: Map<number, SourceAnnotation[]>; skipped: number } {
  const byFrame = new Map<number, SourceAnnotation[]>();
  let skipped = 0;
  for (const row of rows) {
    const role = motRole(row);
    if (role === 'skip') {
      skipped++;
      continue;
    }
    const attributes: Record<string, unknown> = { track_id: row.trackId, sequence };
    if (row.visibility !== null && row.visibility >= 0) attributes.visibility = row.visibility;
    if (role === 'ignore') attributes.mot_class = motClass(row);
    const list = byFrame.get(row.frame) ?? [];
    list.push({ category, ...boxOnly(row.bbox, attributes, role === 'ignore') });
    byFrame.set(row.frame, list);
  }
  return { byFrame, skipped };
}

/** One annotation as a gt.txt row. */
export interface MotOutputRow {
  frame: number;
  trackId: number;
  bbox: readonly number[];
  iscrowd: boolean;
  attributes: Record<string, unknown>;
}

/**
 * gt.txt text: pedestrians as class 1 with the flag set; ignore regions with the class they were read with
 * (`mot_class`, default 1) and the flag cleared, which the importer reads back as ignore regions. Boxes are
 * rounded to whole pixels, 1-based; visibility is the attribute's, or 1.
 */
export function writeMotGroundTruth(rows: readonly MotOutputRow[]): string {
  return rows
    .map(({ frame, trackId, bbox, iscrowd, attributes }) => {
      const [x, y, w, h] = bbox;
      const left = Math.round(x);
      const top = Math.round(y);
      const box = [left + 1, top + 1, Math.round(x + w) - left, Math.round(y + h) - top];
      const visibility = typeof attributes.visibility === 'number' ? attributes.visibility : 1;
      const classId =
        iscrowd && typeof attributes.mot_class === 'number' && MOT_IGNORED_PERSONS.has(attributes.mot_class) ? attributes.mot_class : MOT_PEDESTRIAN;
      return `${[frame, trackId, ...box, iscrowd ? 0 : 1, classId, visibility].join(',')}\n`;
    })
    .join('');
}
