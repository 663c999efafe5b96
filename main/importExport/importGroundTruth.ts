import { mappedCategory, type CategoryMap } from '../../core/formats/categoryMap.js';
import { failIn } from '../../core/formats/formatError.js';
import type { SourceAnnotation } from '../../core/formats/sourceAnnotations.js';
import type { ImportFormat, ImportReport } from '../../core/ipc/types.js';
import { countsToString } from '../../core/masks/rleString.js';
import { segmentationToRle } from '../../core/masks/segmentation.js';
import type { AnnotationWithAttributes } from '../store/annotationsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import type { ResolvedImage } from './imageResolver.js';
import type { ReadEntry, ReadResult } from './readContext.js';

type PendingAnnotation = Omit<AnnotationWithAttributes, 'id' | 'imageId' | 'categoryId'> & { category: string };

interface PendingImage {
  image: ResolvedImage;
  /** Null when the image cannot be read: it is recorded with its error and its annotations are left out. */
  annotations: PendingAnnotation[] | null;
}

/** An annotation in the store's form: the mask as compressed RLE of the image's upright size. */
function storable(a: SourceAnnotation, k: number, entry: ReadEntry, height: number, width: number): PendingAnnotation {
  let mask: PendingAnnotation['mask'] = null;
  if (a.segmentation) {
    const seg = a.segmentation;
    if (seg.kind === 'rle' && (seg.rle.h !== height || seg.rle.w !== width)) {
      const problem = `mask size [${seg.rle.h}, ${seg.rle.w}] (h, w) does not match ${entry.image.path} (${height}×${width})`;
      failIn(entry.source.where, `annotation ${k + 1}`, problem);
    }
    mask = { size: [height, width], counts: countsToString(segmentationToRle(seg, height, width).counts) };
  }
  return { category: a.category, bbox: [...a.bbox], area: a.area, iscrowd: a.iscrowd, mask, attributes: a.attributes };
}

/** Checks every entry against its image (one record per image, sizes that agree) and converts its annotations. */
function prepare(read: ReadResult, warnings: string[]): PendingImage[] {
  const firstSource = new Map<string, string>();
  return read.entries.map((entry) => {
    const { image, source } = entry;
    const first = firstSource.get(image.path);
    if (first !== undefined) failIn(source.where, '', `names the same image as ${first} (${image.path})`);
    firstSource.set(image.path, source.where);
    if (image.width === null || image.height === null) return { image, annotations: null };
    if (source.width !== undefined && (source.width !== image.width || source.height !== image.height)) {
      const message = `${image.path} is ${image.width}×${image.height}, but the source gives ${source.width}×${source.height}`;
      if (source.annotations.some((a) => a.segmentation)) failIn(source.where, '', `${message}; its masks would not fit`);
      warnings.push(`${source.where}: ${message}`);
    }
    return { image, annotations: source.annotations.map((a, k) => storable(a, k, entry, image.height!, image.width!)) };
  });
}

/**
 * Writes what a source holds, in one transaction: new images are added, categories created by name (the source's
 * names read through the map), and the
 * ground truth of every readable image the source names is replaced by the source's. Nothing is written when any
 * record is malformed.
 */
export function writeGroundTruth(store: ProjectStore, format: ImportFormat, sourcePath: string, read: ReadResult, map: CategoryMap): ImportReport {
  const warnings = [...read.warnings];
  const pending = prepare(read, warnings);
  const report: ImportReport = {
    format,
    source: sourcePath,
    images: 0,
    addedImages: 0,
    annotations: 0,
    predictions: 0,
    newCategories: [],
    unreadable: [...read.unmatched],
    disagreements: read.disagreements,
    warnings,
    model: null,
  };
  store.transaction(() => {
    const known = new Set(store.categories.all().map((c) => c.name));
    const categoryIds = new Map<string, number>();
    const category = (sourceName: string, supercategory?: string): number => {
      const name = mappedCategory(map, sourceName);
      let id = categoryIds.get(name);
      if (id === undefined) {
        id = store.categories.ensure(name);
        categoryIds.set(name, id);
        if (!known.has(name)) report.newCategories.push(name);
      }
      if (supercategory !== undefined) store.categories.setSupercategory(id, supercategory);
      return id;
    };
    for (const c of read.categories) category(c.name, c.supercategory);
    for (const { image, annotations } of pending) {
      let imageId = image.stored?.id;
      if (imageId === undefined) {
        const { path, fileName, probe } = image;
        const { sha256, width, height, orientation, error, thumbnail } = probe!;
        imageId = store.images.upsert({ path, fileName, sha256, width, height, orientation, error }, thumbnail);
        report.addedImages++;
      }
      if (!annotations) {
        report.unreadable.push({ image: image.path, error: image.error ?? 'unreadable' });
        continue;
      }
      store.annotations.replaceForImage(
        imageId,
        annotations.map(({ category: name, ...a }) => ({ ...a, categoryId: category(name) })),
      );
      report.images++;
      report.annotations += annotations.length;
    }
  });
  return report;
}
