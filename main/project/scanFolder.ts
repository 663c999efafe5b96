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
  const wanted = (name: string) => {
    const ext = extname(name).toLowerCase();
    return IMAGE_EXTENSIONS.has(ext) || (others && OTHER_IMAGE_EXTENSIONS.has(ext));
  };
  return entries
    .filter((e) => e.isFile() && wanted(e.name))
    .map((e) => join(folder, e.name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
