import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/** The image files directly inside a folder (by extension), sorted by name. */
export async function listImageFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && IMAGE_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => join(folder, e.name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
