/** Whether every edit is in the project file: the promise autosave makes. */
export function SaveState({ pending, error }: { pending: number; error: string | null }) {
  if (error) {
    return (
      <span className="save-state save-error" data-testid="save-state" data-state="error" title={error}>
        Not saved: {error}
      </span>
    );
  }
  return (
    <span className="save-state" data-testid="save-state" data-state={pending > 0 ? 'saving' : 'saved'}>
      {pending > 0 ? 'Saving…' : 'All changes saved'}
    </span>
  );
}
