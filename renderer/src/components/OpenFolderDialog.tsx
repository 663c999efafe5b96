import { useState, type FormEvent } from 'react';

interface Props {
  initial: string;
  onOpen(folder: string): Promise<void>;
  onCancel(): void;
}

/** Asks for a folder path; used where the host has no native folder picker. */
export function OpenFolderDialog({ initial, onOpen, onCancel }: Props) {
  const [folder, setFolder] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onOpen(folder.trim());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="dialog" role="dialog" aria-label="Open folder" onSubmit={submit}>
        <h2>Open a folder of images</h2>
        <label htmlFor="folder-path">Folder path</label>
        <input
          id="folder-path"
          autoFocus
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          placeholder="/home/me/pedestrians"
          spellCheck={false}
        />
        {error && <div className="dialog-error">{error}</div>}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || folder.trim() === ''}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </div>
  );
}
