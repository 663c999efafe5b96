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
  if (unknown.length > 0) failIn('--map', '', `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not ${what} (${known.join(', ')})`);
}
