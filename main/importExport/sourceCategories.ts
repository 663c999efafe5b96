import { resolve } from 'node:path';
import { parseCocoGroundTruth } from '../../core/formats/cocoJson.js';
import { failIn, FormatError, parsedFrom } from '../../core/formats/formatError.js';
import type { ImportFormat, ImportOptions } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import { DEFAULT_CATEGORY } from '../project/projectService.js';
import type { ProjectStore } from '../store/projectStore.js';
import { ImageResolver } from './imageResolver.js';
import { groundTruthReaders } from './groundTruthReaders.js';
import { readJson, Selection, type ReadResult } from './readContext.js';

/** The category names a read source holds: its own list first, then those its annotations name, in the order met. */
export function sourceCategoryNames(read: ReadResult): string[] {
  const names = new Set(read.categories.map((c) => c.name));
  for (const { source } of read.entries) for (const a of source.annotations) names.add(a.category);
  return [...names];
}

/**
 * The categories an import of this source would store, before any map, so that the import dialog can offer to
 * map them onto the project's. The source is read as the import reads it, but no image is read and nothing is
 * written.
 */
export async function importCategories(store: ProjectStore, request: { format: ImportFormat; path: string; options?: ImportOptions }): Promise<string[]> {
  const options = request.options ?? {};
  const path = resolve(request.path);
  try {
    if (request.format === 'mot-det') return [DEFAULT_CATEGORY];
    if (request.format === 'coco-results') {
      if (!options.gt) failIn(path, '', 'a COCO results file needs the ground truth its ids refer to (--gt GT.json)');
      const gtPath = resolve(options.gt);
      const gtJson = await readJson(gtPath);
      const truth = parsedFrom(gtPath, () => parseCocoGroundTruth(gtJson, { segmentations: false }));
      return [...truth.categories].sort((a, b) => a.id - b.id).map((c) => c.name);
    }
    const resolver = new ImageResolver(store, { probe: false });
    const read = await groundTruthReaders[request.format](path, {
      resolver,
      projectFolder: store.meta.get('folder') ?? '',
      options,
      selection: Selection.all(),
    });
    return sourceCategoryNames(read);
  } catch (err) {
    if (err instanceof FormatError) throw new PedlabError('invalid-source', err.message);
    throw err;
  }
}
