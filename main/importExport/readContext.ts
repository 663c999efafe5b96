import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseJsonText } from '../../core/formats/cocoJson.js';
import { failIn, FormatError } from '../../core/formats/formatError.js';
import type { SourceCategory, SourceImage } from '../../core/formats/sourceAnnotations.js';
import { CocoFormatError, describe, isObject } from '../../core/formats/validate.js';
import type { ImportOptions } from '../../core/ipc/types.js';
import { fileKind, READ_LIMITS, readBoundedFile, readFailure } from '../security/boundedRead.js';
import type { ImageResolver, ResolvedImage } from './imageResolver.js';

/**
 * Which source images an import takes: all of them, or those a split file lists under one name. A listed bare
 * file name takes every image of that name; a listed path (`MOT17-02/img1/000001.jpg`) takes the image whose path
 * ends with it, so frames of different sequences, which share names, can be told apart. A reader that knows only
 * an image's file name matches a listed path by its file name.
 */
export class Selection {
  /** The listed names and paths by file name. */
  private readonly byName = new Map<string, string[]>();
  private readonly seen = new Set<string>();

  /** A name with `/` between folders and no leading `./`. */
  private static slashed(name: string): string {
    return name.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  }

  private constructor(
    private readonly listed: string[] | null,
    private readonly label: string,
  ) {
    for (const entry of listed ?? []) this.byName.set(basename(entry), [...(this.byName.get(basename(entry)) ?? []), entry]);
  }

  static all(): Selection {
    return new Selection(null, '');
  }

  /** Reads `{ "<subset>": [file names or paths], … }`. */
  static async fromSplit(path: string, subset: string): Promise<Selection> {
    const json = await readJson(path);
    if (!isObject(json)) failIn(path, '', `must be a JSON object of file name lists, got ${describe(json)}`);
    const list = json[subset];
    if (list === undefined) {
      const lists = Object.keys(json).filter((k) => Array.isArray(json[k]));
      failIn(path, '', `has no list "${subset}" (it has: ${lists.join(', ') || 'none'})`);
    }
    if (!Array.isArray(list) || !list.every((n) => typeof n === 'string' && Selection.slashed(n) !== '' && !Selection.slashed(n).endsWith('/'))) {
      failIn(path, subset, 'must be a list of file names or paths');
    }
    return new Selection([...new Set(list.map(Selection.slashed))], `${path} "${subset}"`);
  }

  /** Whether the import takes the image a source names `name`: its file name, or better its path. */
  has(name: string): boolean {
    if (!this.listed) return true;
    const path = Selection.slashed(name);
    const candidates = this.byName.get(basename(path)) ?? [];
    const bare = !path.includes('/');
    const matching = candidates.filter((entry) => bare || !entry.includes('/') || path === entry || path.endsWith(`/${entry}`));
    for (const entry of matching) this.seen.add(entry);
    return matching.length > 0;
  }

  /** Whether any chosen image has this name without its extension. */
  hasStem(stem: string): boolean {
    return !this.listed || [...this.byName.keys()].some((n) => basename(n, extname(n)) === stem);
  }

  /** Fails when the split lists images the source does not have: the split and the source do not belong together. */
  checkAllFound(source: string): void {
    if (!this.listed) return;
    const absent = this.listed.filter((n) => !this.seen.has(n));
    if (absent.length === 0) return;
    const shown = absent.slice(0, 5).join(', ') + (absent.length > 5 ? `, … (${absent.length} in all)` : '');
    throw new FormatError(`${this.label} lists images that are not in ${source}: ${shown}`);
  }
}

export interface ReadContext {
  resolver: ImageResolver;
  projectFolder: string;
  options: ImportOptions;
  selection: Selection;
}

export interface ReadEntry {
  image: ResolvedImage;
  source: SourceImage;
}

/** A source read and matched to the project, not yet written. */
export interface ReadResult {
  categories: SourceCategory[];
  entries: ReadEntry[];
  warnings: string[];
  disagreements: { image: string; problems: string[] }[];
  /** Source records whose image could not be found at all (so there is nothing to record in the project). */
  unmatched: { image: string; error: string }[];
}

export function emptyResult(): ReadResult {
  return { categories: [], entries: [], warnings: [], disagreements: [], unmatched: [] };
}

export async function readText(path: string): Promise<string> {
  try {
    return (await readBoundedFile(path, READ_LIMITS.annotations)).toString('utf8');
  } catch (err) {
    failIn(path, '', `cannot read the file (${readFailure(err)})`);
  }
}

export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return parseJsonText(text, path);
  } catch (err) {
    if (err instanceof CocoFormatError) throw new FormatError(err.message);
    throw err;
  }
}

/** The source files to read: the file itself, or the files with that extension directly inside the folder, by name. */
export async function sourceFiles(path: string, extension: string, exclude: readonly string[] = []): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) failIn(path, '', 'not found');
  if (info.isFile()) return [path];
  if (!info.isDirectory()) failIn(path, '', `is ${fileKind(info)}, neither a ${extension} file nor a folder of them`);
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() === extension && !exclude.includes(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (names.length === 0) failIn(path, '', `holds no ${extension} files`);
  return names.map((n) => join(path, n));
}
