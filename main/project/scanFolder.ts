import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);
/** Other image files a folder may hold: a project lists them with the reason they do not open. */
export const OTHER_IMAGE_EXTENSIONS = new Set(['.gif', '.webp', '.bmp', '.tif', '.tiff', '.avif', '.heic', '.heif']);

/**
 * The image files directly inside a folder (by extension), sorted by name; with `others`, also image files in
 * formats Pedlab does not open.
 */
export async function listImageFiles(folder: string, { others = false } = {}): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isImageName(e.name, others))
    .map((e) => join(folder, e.name))
    .sort(byPath);
}

function isImageName(name: string, others: boolean): boolean {
  const ext = extname(name).toLowerCase();
  return IMAGE_EXTENSIONS.has(ext) || (others && OTHER_IMAGE_EXTENSIONS.has(ext));
}

function byPath(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** How many folder levels below a project folder its images are looked for (1: its subfolders). */
export const MAX_SCAN_DEPTH = 3;
/** The most image files a project folder's scan lists; the rest are counted and said to be skipped. */
export const MAX_SCAN_FILES = 50_000;

export interface ImageFolderScan {
  /** The image files listed, sorted by path; at most `maxFiles`. */
  files: string[];
  /** Image files found past `maxFiles`, not listed. */
  skippedFiles: number;
  /** Folders below `maxDepth`, not looked into. */
  foldersTooDeep: number;
}

/**
 * The image files in a folder and its subfolders down to `maxDepth` levels, those Pedlab opens and those it lists
 * with the reason it cannot, sorted by path. Hidden folders (named with a leading dot) and links are not entered.
 * A subfolder the user may not read is passed over.
 */
export async function scanImageFolder(folder: string, { maxDepth = MAX_SCAN_DEPTH, maxFiles = MAX_SCAN_FILES } = {}): Promise<ImageFolderScan> {
  const found: string[] = [];
  let foldersTooDeep = 0;
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
      if (depth === 0) throw err;
      return [];
    });
    const subfolders: string[] = [];
    for (const e of entries) {
      if (e.isFile() && isImageName(e.name, true)) found.push(join(dir, e.name));
      else if (e.isDirectory() && !e.name.startsWith('.')) subfolders.push(join(dir, e.name));
    }
    if (depth === maxDepth) foldersTooDeep += subfolders.length;
    else for (const sub of subfolders) await visit(sub, depth + 1);
  };
  await visit(folder, 0);
  const sorted = found.sort(byPath);
  return { files: sorted.slice(0, maxFiles), skippedFiles: Math.max(0, sorted.length - maxFiles), foldersTooDeep };
}
