import type { Detection } from '../eval/types.js';
import type { CocoCategory } from './cocoJson.js';
import { failIn } from './formatError.js';

/**
 * `--map FROM=TO` pairs: a category as one file names it, read as another file's category. In `pedlab import`
 * FROM and TO are names (the results' ground-truth category, the project's); in `pedlab eval` FROM is a results
 * category_id and TO a ground-truth category's id or name.
 */
export type CategoryMap = ReadonlyMap<string, string>;

export function parseCategoryMap(pairs: readonly string[] = []): CategoryMap {
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const from = pair.slice(0, at).trim();
    const to = pair.slice(at + 1).trim();
    if (at < 0 || from === '' || to === '') failIn('--map', '', `each pair must be FROM=TO, got "${pair}"`);
    const earlier = map.get(from);
    if (earlier !== undefined && earlier !== to) failIn('--map', '', `"${from}" is mapped twice (to "${earlier}" and to "${to}")`);
    map.set(from, to);
  }
  return map;
}

/** The category `name` stands for under the map (itself when the map does not name it). */
export function mappedCategory(map: CategoryMap, name: string): string {
  return map.get(name) ?? name;
}

/** A map's FROM entries that name nothing in `known`: a mistyped pair would otherwise do nothing, silently. */
export function checkMapSources(map: CategoryMap, known: readonly string[], what: string): void {
  const unknown = [...map.keys()].filter((from) => !known.includes(from));
  if (unknown.length > 0)
    failIn('--map', '', `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not ${what} (${known.join(', ')})`);
}

function categoryLabel(c: CocoCategory): string {
  return c.name === String(c.id) ? String(c.id) : `${c.id} ${c.name}`;
}

/** The ground-truth category a map's TO names, by id or by name. */
function targetCategory(to: string, categories: readonly CocoCategory[]): CocoCategory {
  const found = categories.find((c) => String(c.id) === to) ?? categories.find((c) => c.name === to);
  if (!found) failIn('--map', '', `"${to}" is not a ground-truth category (${categories.map(categoryLabel).join(', ')})`);
  return found;
}

/** Detections with their category_id read through the map (FROM a results category_id, TO a ground-truth category). */
export function mapDetectionCategories(detections: readonly Detection[], map: CategoryMap, categories: readonly CocoCategory[]): readonly Detection[] {
  if (map.size === 0) return detections;
  const ids = new Map<number, number>();
  for (const [from, to] of map) {
    if (!/^-?\d+$/.test(from)) failIn('--map', '', `FROM must be a results category_id, got "${from}"`);
    ids.set(Number(from), targetCategory(to, categories).id);
  }
  checkMapSources(map, [...new Set(detections.map((d) => String(d.categoryId)))], 'a category_id of the results');
  return detections.map((d) => (ids.has(d.categoryId) ? { ...d, categoryId: ids.get(d.categoryId)! } : d));
}

/**
 * What an evaluation should say about categories that do not meet: pycocotools scores a detection only against
 * ground truth of its category_id, so results of other ids are silently never matched.
 */
export function categoryWarnings(detections: readonly Detection[], categories: readonly CocoCategory[]): string[] {
  const known = new Set(categories.map((c) => c.id));
  const counts = new Map<number, number>();
  for (const d of detections) if (!known.has(d.categoryId)) counts.set(d.categoryId, (counts.get(d.categoryId) ?? 0) + 1);
  if (counts.size === 0) return [];
  const ids = [...counts.keys()].sort((a, b) => a - b).join(', ');
  const gt = categories.map(categoryLabel).join(', ');
  const outside = [...counts.values()].reduce((a, b) => a + b, 0);
  const hint = '--map FROM=TO reads results category FROM as ground-truth category TO';
  return outside === detections.length
    ? [
        `the ground truth and the results share no category: the results' category ids (${ids}) are none of the ground truth's (${gt}), so nothing can match; ${hint}`,
      ]
    : [`${outside} of ${detections.length} detections have category ids the ground truth does not have (${ids}) and are never matched; ${hint}`];
}
