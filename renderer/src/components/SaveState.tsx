import { memo } from 'react';
import type { EditorStore } from '../editor/editorStore';
import { useEditorState } from '../editor/useEditorState';

/** Whether every edit is in the project file: the promise autosave makes. */
export const SaveState = memo(function SaveState({ store }: { store: EditorStore }) {
  const saving = useEditorState(store, (s) => s.pending > 0);
  const error = useEditorState(store, (s) => s.error);
  if (error) {
    return (
      <span className="save-state save-error" data-testid="save-state" data-state="error" title={error}>
        Not saved: {error}
      </span>
    );
  }
  return (
    <span className="save-state" data-testid="save-state" data-state={saving ? 'saving' : 'saved'}>
      {saving ? 'Saving…' : 'All changes saved'}
    </span>
  );
});
