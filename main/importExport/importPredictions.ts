import { basename, extname, resolve } from 'node:path';
import { mapClasses } from '../../core/detect/classes.js';
import { DEFAULT_MODEL_SETTINGS } from '../../core/detect/types.js';
import type { ImageId } from '../../core/eval/types.js';
import { parseCocoGroundTruth, parseCocoResults } from '../../core/formats/cocoJson.js';
import { failIn, parsedFrom } from '../../core/formats/formatError.js';
import type { ImportOptions, ImportReport } from '../../core/ipc/types.js';
import { countsToString } from '../../core/masks/rleString.js';
import { segmentationToRle } from '../../core/masks/segmentation.js';
import { fileSha256 } from '../inference/modelFile.js';
import { inferenceSettings, settingsKey } from '../inference/modelSettings.js';
import type { StoredImage } from '../store/imagesRepository.js';
import type { NewPrediction } from '../store/predictionsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import type { ImageResolver } from './imageResolver.js';
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
  const truth = parsedFrom(gtPath, () => parseCocoGroundTruth(gtJson));
  const resultsJson = await readJson(path);
  const detections = parsedFrom(path, () => parseCocoResults(resultsJson, truth));
  const root = options.imageRoot ? resolve(options.imageRoot) : projectFolder;
  const report: ImportReport = {
    format: 'coco-results',
    source: path,
    images: 0,
    addedImages: 0,
    annotations: 0,
    predictions: 0,
    newCategories: [],
    unreadable: [],
    disagreements: [],
    warnings: [],
    model: null,
  };

  const targets = new Map<ImageId, StoredImage & { sha256: string; width: number; height: number }>();
  for (const [i, img] of truth.images.entries()) {
    if (!img.fileName) failIn(gtPath, `images[${i}] (id ${JSON.stringify(img.id)})`, 'file_name is missing');
    if (!selection.has(img.fileName)) continue;
    const found = await resolver.resolve(img.fileName, root, `${gtPath}: images[${i}] (id ${JSON.stringify(img.id)})`);
    const stored = found.stored;
    if (!stored || stored.sha256 === null || stored.width === null || stored.height === null) {
      report.unreadable.push({ image: found.path, error: stored ? (stored.error ?? 'unreadable') : 'not in the project' });
      continue;
    }
    if (img.width !== undefined && (img.width !== stored.width || img.height !== stored.height)) {
      failIn(gtPath, `images[${i}]`, `${stored.path} is ${stored.width}×${stored.height}, but the ground truth gives ${img.width}×${img.height}`);
    }
    targets.set(img.id, { ...stored, sha256: stored.sha256, width: stored.width, height: stored.height });
  }

  selection.checkAllFound(gtPath);

  const gtCategories = [...truth.categories].sort((a, b) => a.id - b.id);
  const classes = gtCategories.map((c) => c.name);
  const categories = store.categories.all();
  const idByName = new Map(categories.map((c) => [c.name, c.id]));
  const classMap = mapClasses(classes, categories.map((c) => c.name));
  const projectCategory = new Map(gtCategories.map((c, i) => [c.id, classMap[i] === null ? undefined : idByName.get(classMap[i]!)]));
  const perImage = new Map<ImageId, NewPrediction[]>([...targets.keys()].map((id) => [id, []]));
  const raw = resultsJson as { segmentation?: unknown }[];
  let elsewhere = 0;
  let dropped = 0;
  detections.forEach((d, i) => {
    const image = targets.get(d.imageId);
    const categoryId = projectCategory.get(d.categoryId);
    if (!image) elsewhere++;
    else if (categoryId === undefined) dropped++;
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
  if (elsewhere > 0) report.warnings.push(`${elsewhere} detections are on images that were not imported and were left out`);
  if (dropped > 0) report.warnings.push(`${dropped} detections are of categories the project does not have and were left out`);

  const modelPath = resolve(path);
  const sha256 = await fileSha256(modelPath);
  const settings = { ...DEFAULT_MODEL_SETTINGS, scoreThreshold: 0 };
  const key = settingsKey(inferenceSettings(settings, classes, categories.map((c) => c.name)));
  const name = options.modelName ?? basename(modelPath, extname(modelPath));
  store.db.transaction(() => {
    const id = store.models.upsert({ name, variant: 'COCO results', path: modelPath, sha256, kind: 'imported', classes, settings, bundled: false });
    for (const [imageId, predictions] of perImage) {
      store.predictions.save({ modelSha256: sha256, imageSha256: targets.get(imageId)!.sha256, settingsKey: key }, null, 0, predictions);
      report.images++;
      report.predictions += predictions.length;
    }
    report.model = { id, name };
  })();
  return report;
}
