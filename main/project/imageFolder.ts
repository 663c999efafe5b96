import { basename, dirname, isAbsolute, relative, sep } from 'node:path';

/** MOTChallenge's frame folder: a sequence's frames live in `SEQ/img1/`. */
const FRAME_FOLDER = 'img1';

/** The folder a run of frames is named after: the image's folder, or the one above it when that is `img1/`. */
export function sequenceFolder(imageFolder: string): string {
  return basename(imageFolder) === FRAME_FOLDER ? dirname(imageFolder) : imageFolder;
}

/**
 * How the image list names an image's folder, so frames of different sequences (all `000001.jpg`) are told
 * apart: its path inside the project folder (`''` for the folder itself), or the name of a folder elsewhere.
 */
export function folderLabel(projectFolder: string, imagePath: string): string {
  const folder = sequenceFolder(dirname(imagePath));
  const rel = relative(projectFolder, folder);
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return basename(folder);
  return rel.split(sep).join('/');
}
