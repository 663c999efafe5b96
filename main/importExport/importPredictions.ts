import { resolve } from 'node:path';
import { mapClasses } from '../../core/detect/classes.js';
import type { ImageId } from '../../core/eval/types.js';
import { checkMapSources, mappedCategory, parseCategoryMap } from '../../core/formats/categoryMap.js';
import { parseCocoGroundTruth, parseCocoResults } from '../../core/formats/cocoJson.js';
import { failIn, parsedFrom } from '../../core/formats/formatError.js';
import type { ImportOptions, ImportReport } from '../../core/ipc/types.js';
import { countsToString } from '../../core/masks/rleString.js';
import { segmentationToRle } from '../../core/masks/segmentation.js';
import type { StoredImage } from '../store/imagesRepository.js';
import type { NewPrediction } from '../store/predictionsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import type { ImageResolver } from './imageResolver.js';
import { emptyPredictionsReport, storeImportedModel } from './importedModel.js';
import { importedModelName } from './importedModelName.js';
import { readJson, type Selection } from './readContext.js';

/**
 * Stores a COCO results file as the predictions of a synthetic model (`kind: 'imported'`, its file the results
 * file), under the same cache key the inference service looks predictions up by. The ground truth the results
 * were made against maps their image ids to files (found as ground-truth imports find them; they must already be
 * in the project) and their category ids to names (matched to the project's categories as a detector's classes
 * are). Every matched image gets a prediction set, an empty one when the results have nothing for it.
 */
export async function importPredictions(
  store: ProjectStore,
  projectFolder: string,
  path: string,
  options: ImportOptions,
  selection: Selection,
  resolver: ImageResolver,
): Promise<ImportReport> {
  if (!options.gt) failIn(path, '', 'a COCO results file needs the ground truth its ids refer to (--gt GT.json)');
  const gtPath = resolve(options.gt);
  const gtJson = await readJson(gtPath);
  // Only the ground truth's images and categories are read: its annotations' segmentations do not matter here.
  const truth = parsedFrom(gtPath, () => parseCocoGroundTruth(gtJson, { segmentations: false }));
  const resultsJson = await readJson(path);
  const detections = parsedFrom(path, () => parseCocoResults(resultsJson, truth));
  const root = options.imageRoot ? resolve(options.imageRoot) : projectFolder;
  const report = emptyPredictionsReport('coco-results', path);

  const targets = new Map<ImageId, StoredImage & { sha256: string; width: number; height: number }>();
  const unselected = new Set<ImageId>();
  const missing = new Map<ImageId, string>();
  for (const [i, img] of truth.images.entries()) {
    if (!img.fileName) failIn(gtPath, `images[${i}] (id ${JSON.stringify(img.id)})`, 'file_name is missing');
    if (!selection.has(resolve(root, img.fileName))) {
      unselected.add(img.id);
      continue;
    }
    const found = await resolver.resolve(img.fileName, root, `${gtPath}: images[${i}] (id ${JSON.stringify(img.id)})`);
    const stored = found.stored;
    if (!stored || stored.sha256 === null || stored.width === null || stored.height === null) {
      report.unreadable.push({ image: found.path, error: stored ? (stored.error ?? 'unreadable') : 'not in the project' });
      missing.set(img.id, img.fileName);
      continue;
    }
    if (img.width !== undefined && (img.width !== stored.width || img.height !== stored.height)) {
      failIn(gtPath, `images[${i}]`, `${stored.path} is ${stored.width}×${stored.height}, but the ground truth gives ${img.width}×${img.height}`);
    }
    targets.set(img.id, { ...stored, sha256: stored.sha256, width: stored.width, height: stored.height });
  }

  selection.checkAllFound(gtPath);

  const gtCategories = [...truth.categories].sort((a, b) => a.id - b.id);
  const categoryMap = parseCategoryMap(options.map);
  checkMapSources(
    categoryMap,
    gtCategories.map((c) => c.name),
    `a category of ${gtPath}`,
  );
  const classes = gtCategories.map((c) => mappedCategory(categoryMap, c.name));
  const categories = store.categories.all();
  const idByName = new Map(categories.map((c) => [c.name, c.id]));
  const classMap = mapClasses(
    classes,
    categories.map((c) => c.name),
  );
  const categoryName = new Map(gtCategories.map((c) => [c.id, c.name]));
  const projectCategory = new Map(gtCategories.map((c, i) => [c.id, classMap[i] === null ? undefined : idByName.get(classMap[i]!)]));
  const perImage = new Map<ImageId, NewPrediction[]>([...targets.keys()].map((id) => [id, []]));
  const raw = resultsJson as { segmentation?: unknown }[];
  const left = { unselected: 0, missingImages: new Map<string, number>(), categories: new Map<string, number>() };
  detections.forEach((d, i) => {
    const image = targets.get(d.imageId);
    const categoryId = projectCategory.get(d.categoryId);
    if (unselected.has(d.imageId)) left.unselected++;
    else if (!image) countIn(left.missingImages, missing.get(d.imageId)!);
    else if (categoryId === undefined) countIn(left.categories, categoryName.get(d.categoryId)!);
    else {
      const { height, width } = image;
      const seg = d.segmentation;
      if (seg?.kind === 'rle' && (seg.rle.h !== height || seg.rle.w !== width)) {
        failIn(path, `results[${i}]`, `mask size [${seg.rle.h}, ${seg.rle.w}] (h, w) does not match ${image.path} (${height}×${width})`);
      }
      const mask =
        raw[i].segmentation !== undefined && seg
          ? { size: [height, width] as [number, number], counts: countsToString(segmentationToRle(seg, height, width).counts) }
          : null;
      perImage.get(d.imageId)!.push({ categoryId, score: d.score, bbox: [...d.bbox], mask });
    }
  });
  const dropped = leftOut(left, detections.length - left.unselected, root);
  report.droppedDetections = left.unselected + (dropped?.count ?? 0);
  if (left.unselected > 0)
    report.warnings.push(
      `${left.unselected} detections are on images outside ${options.subset ? `the subset "${options.subset}"` : 'the selection'} and were left out`,
    );
  if (dropped) {
    if (dropped.count * 2 > dropped.of && !options.allowPartial) failIn(path, '', `${dropped.why}; nothing was stored (--allow-partial stores the rest)`);
    report.warnings.push(dropped.why);
  }

  const modelPath = resolve(path);
  const name = importedModelName(store, modelPath, options.modelName);
  const byImageSha = new Map([...perImage].map(([imageId, predictions]) => [targets.get(imageId)!.sha256, predictions]));
  const stored = await storeImportedModel(store, { path: modelPath, name, variant: 'COCO results', classes, perImage: byImageSha });
  report.images = stored.images;
  report.predictions = stored.predictions;
  report.model = { id: stored.id, name };
  return report;
}

function countIn(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function firstFew(counts: Map<string, number>): string {
  const names = [...counts.keys()];
  return names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
}

/**
 * What was left out of the detections the import was asked to store, and why. Leaving out more than half of
 * them fails the import unless it is told to store the rest: a results file whose images or categories mostly do
 * not match the project is a wrong --image-root or --gt far more often than a wanted partial import.
 */
function leftOut(left: { missingImages: Map<string, number>; categories: Map<string, number> }, of: number, root: string) {
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  const onMissing = sum(left.missingImages);
  const ofCategories = sum(left.categories);
  const count = onMissing + ofCategories;
  if (count === 0) return null;
  const reasons: string[] = [];
  if (onMissing > 0) {
    reasons.push(
      `${onMissing} are on ${left.missingImages.size} image${left.missingImages.size === 1 ? '' : 's'} not in the project under ${root} (${firstFew(left.missingImages)}; --image-root says where they are)`,
    );
  }
  if (ofCategories > 0) reasons.push(`${ofCategories} are of categories the project does not have (${firstFew(left.categories)}; --map FROM=TO maps them)`);
  return { count, of, why: `${count} of ${of} detections were left out: ${reasons.join('; ')}` };
}
