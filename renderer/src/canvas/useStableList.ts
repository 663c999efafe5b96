import { useRef } from 'react';

/**
 * The same array as last time while its items are the same (by identity, or by `same`), so memoised views and
 * memos that depend on it skip their work.
 */
export function useStableList<T>(list: T[], same: (a: T, b: T) => boolean = Object.is): T[] {
  const previous = useRef(list);
  const unchanged = previous.current.length === list.length && previous.current.every((item, i) => same(item, list[i]));
  if (!unchanged) previous.current = list;
  return previous.current;
}
