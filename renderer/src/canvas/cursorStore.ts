import { useSyncExternalStore } from 'react';
import type { Point } from '../../../core/geometry/box';

/**
 * Where the pointer is over the image, in image pixels (null when it is off the stage). Kept outside React state:
 * a pointer move re-renders only the views that read it through `useCursor`, not the app around the canvas.
 */
export class CursorStore {
  private point: Point | null = null;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): Point | null => this.point;

  set = (point: Point | null): void => {
    if (point === this.point || (point && this.point && point.x === this.point.x && point.y === this.point.y)) return;
    this.point = point;
    this.listeners.forEach((l) => l());
  };
}

/** What a view draws from the cursor; it re-renders only when that value changes (compared with Object.is). */
export function useCursor<T>(cursor: CursorStore, read: (point: Point | null) => T): T {
  return useSyncExternalStore(cursor.subscribe, () => read(cursor.get()));
}
