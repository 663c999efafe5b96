import { useSyncExternalStore } from 'react';
import type { EditorState, EditorStore } from './editorStore';

/**
 * One part of the editor's state; the view re-renders only when it changes (compared with Object.is). The
 * selector returns a field of the state or a primitive, never an object or array built anew on each call.
 */
export function useEditorState<T>(store: EditorStore, select: (state: EditorState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
