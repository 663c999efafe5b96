import { memo, useEffect } from 'react';
import type { EditorStore } from '../editor/editorStore';
import { useEditorState } from '../editor/useEditorState';

/** How long an edit must be on its way before the title is marked: a usual save ends well within it. */
const SAVING_MARK_DELAY_MS = 300;

/**
 * The window's title: the project's name, marked while an edit has been on its way to the store for a while. A
 * component of its own, so an edit's start and end render it alone, not the app around it; the title is set off
 * the edit's own frame (setting it costs the browser a round trip), and only when it changes.
 */
export const WindowTitle = memo(function WindowTitle({ store, project }: { store: EditorStore; project: string | null }) {
  const saving = useEditorState(store, (s) => s.pending > 0);
  useEffect(() => {
    const title = project !== null ? `${saving ? '● ' : ''}${project} — Pedlab` : 'Pedlab';
    const timer = setTimeout(
      () => {
        if (document.title !== title) document.title = title;
      },
      saving ? SAVING_MARK_DELAY_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [project, saving]);
  return null;
});
