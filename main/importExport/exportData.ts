import { basename, dirname, extname, isAbsolute, parse, relative, sep } from 'node:path';
import { PedlabError } from '../errors.js';
import type { AnnotationWithAttributes } from '../store/annotationsRepository.js';
import type { StoredImage } from '../store/imagesRepository.js';
import type { ProjectStore } from '../store/projectStore.js';

/** A readable image of the project with its ground truth, as the exporters see it. */
export interface ExportImage {
  image: StoredImage & { width: number; height: number };
  /** The name the export gives it: its path from the project folder, or from `ExportData.imageRoot`, with `/` between folders. */
  name: string;
  annotations: AnnotationWithAttributes[];
}

export interface ExportData {
  projectName: string;
  categories: { id: number; name: string; supercategory: string }[];
  images: ExportImage[];
  /**
   * Null when the image names are paths from the project folder, where an import looks for images by default.
   * Otherwise, since some images lie outside the project folder, the deepest folder that holds them all: the
   * names are paths from it, and an import of them needs it as its image root.
   */
  imageRoot: string | null;
  warnings: string[];
}

function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/** The deepest folder that holds every one of `paths` (the filesystem root when they share no other). */
function commonFolder(paths: readonly string[]): string {
  let common = dirname(paths[0]).split(sep);
  for (const path of paths.slice(1)) {
    const steps = dirname(path).split(sep);
    let n = 0;
    while (n < common.length && n < steps.length && common[n] === steps[n]) n++;
    common = common.slice(0, n);
  }
  return common.join(sep) || parse(paths[0]).root;
}

/**
 * The folder image names start from, so that no two names are alike and each leads back to its file: the project
 * folder when every image lies inside it (null), else the deepest folder that holds them all (frames of different
 * sequences share file names, so a bare file name would not do).
 */
function outsideImageRoot(folder: string, paths: readonly string[]): string | null {
  return folder && paths.every((p) => isInside(folder, p)) ? null : commonFolder(paths);
}

export function collectExportData(store: ProjectStore): ExportData {
  const folder = store.meta.get('folder') ?? '';
  const byImage = new Map<number, AnnotationWithAttributes[]>();
  for (const a of store.annotations.allWithAttributes()) {
    const list = byImage.get(a.imageId) ?? [];
    list.push(a);
    byImage.set(a.imageId, list);
  }
  const all = store.images.all();
  const readable = all.filter((image) => image.width !== null && image.height !== null);
  const imageRoot =
    readable.length > 0
      ? outsideImageRoot(
          folder,
          readable.map((image) => image.path),
        )
      : null;
  const images: ExportImage[] = readable.map((image) => ({
    image: { ...image, width: image.width!, height: image.height! },
    name: relative(imageRoot ?? folder, image.path)
      .split(sep)
      .join('/'),
    annotations: byImage.get(image.id) ?? [],
  }));
  const warnings = all.length > images.length ? [`${all.length - images.length} images cannot be read and were left out`] : [];
  return { projectName: store.meta.get('name') ?? '', categories: store.categories.withSupercategories(), images, imageRoot, warnings };
}

/** One output file name per image (`NAME.EXT`), refusing two images that would write the same file. */
export function filesByStem(images: readonly ExportImage[], extension: string): string[] {
  const taken = new Map<string, string>();
  return images.map(({ image, name }) => {
    const file = `${basename(name, extname(name))}${extension}`;
    const other = taken.get(file);
    if (other) throw new PedlabError('export-clash', `${other} and ${image.path} would both be exported as ${file}; rename one of them.`);
    taken.set(file, image.path);
    return file;
  });
}
