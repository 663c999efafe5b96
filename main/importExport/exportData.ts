import { basename, extname, isAbsolute, relative } from 'node:path';
import { PedlabError } from '../errors.js';
import type { AnnotationWithAttributes } from '../store/annotationsRepository.js';
import type { StoredImage } from '../store/imagesRepository.js';
import type { ProjectStore } from '../store/projectStore.js';

/** A readable image of the project with its ground truth, as the exporters see it. */
export interface ExportImage {
  image: StoredImage & { width: number; height: number };
  /** The name the export gives it: its path inside the project folder, or its file name when it lies elsewhere. */
  name: string;
  annotations: AnnotationWithAttributes[];
}

export interface ExportData {
  projectName: string;
  categories: { id: number; name: string; supercategory: string }[];
  images: ExportImage[];
  warnings: string[];
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
  const images: ExportImage[] = [];
  for (const image of all) {
    if (image.width === null || image.height === null) continue;
    const inside = relative(folder, image.path);
    const name = folder && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split('\\').join('/') : image.fileName;
    images.push({ image: { ...image, width: image.width, height: image.height }, name, annotations: byImage.get(image.id) ?? [] });
  }
  const warnings = all.length > images.length ? [`${all.length - images.length} images cannot be read and were left out`] : [];
  return { projectName: store.meta.get('name') ?? '', categories: store.categories.withSupercategories(), images, warnings };
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
