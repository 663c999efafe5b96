import { useState, type FormEvent, type ReactNode } from 'react';

interface Props {
  label: string;
  title: string;
  submitLabel: string;
  busyLabel: string;
  /** Whether the form can be sent as filled in. */
  ready: boolean;
  /** Runs the request; a thrown error is shown in the dialog, which stays open. */
  onSubmit(): Promise<void>;
  onCancel(): void;
  cancelLabel?: string;
  children: ReactNode;
}

/** A modal form with a title, its fields, the error of the last attempt, and Cancel / submit buttons. */
export function FormDialog({ label, title, submitLabel, busyLabel, ready, onSubmit, onCancel, cancelLabel = 'Cancel', children }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="dialog" role="dialog" aria-label={label} onSubmit={submit}>
        <h2>{title}</h2>
        {children}
        {error && <div className="dialog-error">{error}</div>}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="submit" className="primary" disabled={busy || !ready}>
            {busy ? busyLabel : submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
