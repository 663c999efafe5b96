import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { mapClasses } from '../../core/detect/classes.js';
import { failIn } from '../../core/formats/formatError.js';
import { frameFileName, parseMotRows } from '../../core/formats/motChallenge.js';
import type { ImportOptions, ImportReport } from '../../core/ipc/types.js';
import { DEFAULT_CATEGORY } from '../project/projectService.js';
import type { NewPrediction } from '../store/predictionsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import type { ImageResolver } from './imageResolver.js';
import { emptyPredictionsReport, storeImportedModel } from './importedModel.js';
import { importedModelName } from './importedModelName.js';
import { readSequence, resolveFrame, type MotSequence } from './motReader.js';
import { readText, type Selection } from './readContext.js';

/**
 * The detections file and its sequence: a sequence folder's `det/det.txt`, or a file in that layout (a tracker's
 * output `SEQ.txt`) whose sequence is the image root (the sequence folder, or the folder holding `SEQ/`), or
 * the folder above `det/` when no image root is given.
 */
async function detectionsAndSequence(path: string, options: ImportOptions): Promise<{ file: string; sequence: MotSequence }> {
  if (!existsSync(path)) failIn(path, '', 'not found');
  if (statSync(path).isDirectory()) {
    const sequence = await readSequence(path);
    const file = join(path, 'det', 'det.txt');
    if (!existsSync(file)) failIn(path, '', 'has no detections: det/det.txt is missing');
    return { file, sequence };
  }
  const root = options.imageRoot ? resolve(options.imageRoot) : dirname(dirname(path));
  const folder = existsSync(join(root, 'seqinfo.ini')) ? root : join(root, basename(path, extname(path)));
  return { file: path, sequence: await readSequence(folder) };
}

/**
 * Stores a MOTChallenge detections file (`frame,id,bb_left,bb_top,bb_width,bb_height,conf,…`, 1-based pixels)
 * as the pedestrian predictions of an imported model, with `conf` as the score (1 when the row has none). The
 * sequence's frames must already be in the project (import its ground truth first); every frame gets a
 * prediction set, an empty one when the file has nothing for it.
 */
export async function importMotDetections(
  store: ProjectStore,
  path: string,
  options: ImportOptions,
  selection: Selection,
  resolver: ImageResolver,
): Promise<ImportReport> {
  const { file, sequence } = await detectionsAndSequence(path, options);
  const rows = parseMotRows(await readText(file), file, sequence.info.seqLength);
  const report = emptyPredictionsReport('mot-det', path);
  const categories = store.categories.all();
  const [category] = mapClasses(
    [DEFAULT_CATEGORY],
    categories.map((c) => c.name),
  );
  const categoryId = categories.find((c) => c.name === category)?.id;
  if (categoryId === undefined)
    failIn(file, '', `the project has no ${DEFAULT_CATEGORY} category to store the detections under; import the ground truth first`);

  const frameSha = new Map<number, string>();
  const perImage = new Map<string, NewPrediction[]>();
  for (let frame = 1; frame <= sequence.info.seqLength; frame++) {
    const fileName = frameFileName(frame, sequence.info.imExt);
    if (!selection.has(join(sequence.frameFolder, fileName))) continue;
    const found = await resolveFrame(resolver, sequence, frame, `${file}: frame ${frame}`);
    const stored = found?.stored;
    if (!stored || stored.sha256 === null) {
      const error = !found ? 'file not found' : stored ? (stored.error ?? 'unreadable') : 'not in the project';
      report.unreadable.push({ image: join(sequence.frameFolder, fileName), error });
      continue;
    }
    frameSha.set(frame, stored.sha256);
    perImage.set(stored.sha256, []);
  }
  selection.checkAllFound(file);
  if (frameSha.size === 0) {
    failIn(file, '', `no frame of sequence ${sequence.info.name} (${sequence.frameFolder}) is in the project; import its ground truth first (--format mot)`);
  }

  let elsewhere = 0;
  for (const row of rows) {
    const sha = frameSha.get(row.frame);
    if (sha === undefined) elsewhere++;
    else perImage.get(sha)!.push({ categoryId, score: row.conf ?? 1, bbox: row.bbox, mask: null });
  }
  if (elsewhere > 0) report.warnings.push(`${elsewhere} detections are on frames that were not imported and were left out`);

  const modelPath = resolve(file);
  // A sequence's det/det.txt is named after the sequence the first time; a tracker's SEQ.txt after its file.
  const firstName = !store.models.byPath(modelPath) && basename(file) === 'det.txt' ? `${sequence.info.name} det` : undefined;
  const name = importedModelName(store, modelPath, options.modelName ?? firstName);
  const stored = await storeImportedModel(store, { path: modelPath, name, variant: 'MOTChallenge detections', classes: [DEFAULT_CATEGORY], perImage });
  return { ...report, images: stored.images, predictions: stored.predictions, model: { id: stored.id, name } };
}
