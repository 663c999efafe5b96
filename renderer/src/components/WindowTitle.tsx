import { memo, useEffect } from 'react';
import type { EditorStore } from '../editor/editorStore';
import { useEditorState } from '../editor/useEditorState';

/**
 * The window's title: the project's name, marked while an edit is on its way to the store. A component of its
 * own, so an edit's start and end render it alone, not the app around it.
 */
export const WindowTitle = memo(function WindowTitle({ store, project }: { store: EditorStore; project: string | null }) {
  const saving = useEditorState(store, (s) => s.pending > 0);
  useEffect(() => {
    document.title = project !== null ? `${saving ? '● ' : ''}${project} — Pedlab` : 'Pedlab';
  }, [project, saving]);
  return null;
});
