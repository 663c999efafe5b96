import { resolve } from 'node:path';
import { checkMapSources, parseCategoryMap } from '../../core/formats/categoryMap.js';
import { FormatError } from '../../core/formats/formatError.js';
import { importFormatInfo, type ImportOptionName } from '../../core/formats/importFormats.js';
import type { ImportFormat, ImportOptions, ImportReport } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import type { ProjectStore } from '../store/projectStore.js';
import { ImageResolver } from './imageResolver.js';
import { writeGroundTruth } from './importGroundTruth.js';
import { importMotDetections } from './importMotDetections.js';
import { importPredictions } from './importPredictions.js';
import { groundTruthReaders } from './groundTruthReaders.js';
import { Selection } from './readContext.js';
import { sourceCategoryNames } from './sourceCategories.js';

const FLAGS: Record<ImportOptionName, string> = {
  imageRoot: '--image-root',
  split: '--split',
  boxes: '--boxes',
  classes: '--classes',
  gt: '--gt',
  modelName: '--model-name',
  allowPartial: '--allow-partial',
  map: '--map',
};

/** An option the format has no use for is refused: silently ignoring it would hide a mistyped command. */
function refuseForeignOptions(format: ImportFormat, options: ImportOptions): void {
  const info = importFormatInfo(format);
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === false) continue;
    const name = (key === 'subset' ? 'split' : key) as ImportOptionName;
    if (!info.options.includes(name)) throw new PedlabError('invalid-request', `${FLAGS[name]} does not apply to a ${info.label} import (${format}).`);
  }
}

/** Imports a source into the open project: all of it or, when any record is malformed, nothing. */
export async function importIntoProject(store: ProjectStore, request: { format: ImportFormat; path: string; options?: ImportOptions }): Promise<ImportReport> {
  const options = request.options ?? {};
  const path = resolve(request.path);
  const folder = store.meta.get('folder') ?? '';
  refuseForeignOptions(request.format, options);
  if ((options.split === undefined) !== (options.subset === undefined)) {
    throw new PedlabError('invalid-request', 'A split file and the name of the list to import from it go together (--split FILE --subset NAME).');
  }
  try {
    const selection = options.split ? await Selection.fromSplit(resolve(options.split), options.subset!) : Selection.all();
    const resolver = new ImageResolver(store);
    if (request.format === 'coco-results') return await importPredictions(store, folder, path, options, selection, resolver);
    if (request.format === 'mot-det') return await importMotDetections(store, path, options, selection, resolver);
    const read = await groundTruthReaders[request.format](path, { resolver, projectFolder: folder, options, selection });
    selection.checkAllFound(path);
    const map = parseCategoryMap(options.map);
    checkMapSources(map, sourceCategoryNames(read), `a category of ${path}`);
    return writeGroundTruth(store, request.format, path, read, map);
  } catch (err) {
    if (err instanceof FormatError) throw new PedlabError('invalid-source', err.message);
    throw err;
  }
}
