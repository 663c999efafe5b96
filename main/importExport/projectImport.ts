import { resolve } from 'node:path';
import { FormatError } from '../../core/formats/formatError.js';
import type { ImportFormat, ImportOptions, ImportReport } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import type { ProjectStore } from '../store/projectStore.js';
import { ImageResolver } from './imageResolver.js';
import { writeGroundTruth } from './importGroundTruth.js';
import { importMotDetections } from './importMotDetections.js';
import { importPredictions } from './importPredictions.js';
import { readCityPersons } from './cityPersonsFiles.js';
import { readCrowdHuman } from './crowdHumanFiles.js';
import { readMot } from './motReader.js';
import { readPennFudan } from './pennFudanReader.js';
import { Selection, type ReadContext, type ReadResult } from './readContext.js';
import { readCoco, readLabelme, readVoc, readYolo } from './sourceReaders.js';

const readers: Record<Exclude<ImportFormat, 'coco-results' | 'mot-det'>, (path: string, ctx: ReadContext) => Promise<ReadResult>> = {
  pennfudan: readPennFudan,
  coco: readCoco,
  voc: readVoc,
  yolo: readYolo,
  labelme: readLabelme,
  mot: readMot,
  citypersons: readCityPersons,
  crowdhuman: readCrowdHuman,
};

/** Imports a source into the open project: all of it or, when any record is malformed, nothing. */
export async function importIntoProject(
  store: ProjectStore,
  request: { format: ImportFormat; path: string; options?: ImportOptions },
): Promise<ImportReport> {
  const options = request.options ?? {};
  const path = resolve(request.path);
  const folder = store.meta.get('folder') ?? '';
  if ((options.split === undefined) !== (options.subset === undefined)) {
    throw new PedlabError('invalid-request', 'A split file and the name of the list to import from it go together (--split FILE --subset NAME).');
  }
  try {
    const selection = options.split ? await Selection.fromSplit(resolve(options.split), options.subset!) : Selection.all();
    const resolver = new ImageResolver(store);
    if (request.format === 'coco-results') return await importPredictions(store, folder, path, options, selection, resolver);
    if (request.format === 'mot-det') return await importMotDetections(store, path, options, selection, resolver);
    const read = await readers[request.format](path, { resolver, projectFolder: folder, options, selection });
    selection.checkAllFound(path);
    return writeGroundTruth(store, request.format, path, read);
  } catch (err) {
    if (err instanceof FormatError) throw new PedlabError('invalid-source', err.message);
    throw err;
  }
}
