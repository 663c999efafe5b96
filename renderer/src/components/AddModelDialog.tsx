import { useState, type FormEvent } from 'react';

interface Props {
  onAdd(request: { path: string; name?: string; variant?: string }): Promise<void>;
  onCancel(): void;
}

/** Asks for an ONNX file and, optionally, the name and variant label to show; a refused file says why here. */
export function AddModelDialog({ onAdd, onCancel }: Props) {
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [variant, setVariant] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onAdd({ path: path.trim(), name: name.trim() || undefined, variant: variant.trim() || undefined });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="dialog" role="dialog" aria-label="Add model" onSubmit={submit}>
        <h2>Add an ONNX detector</h2>
        <label htmlFor="model-path">Model file</label>
        <input id="model-path" autoFocus value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/models/detector.onnx" spellCheck={false} />
        <label htmlFor="model-name">Name (optional)</label>
        <input id="model-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="model-variant">Variant label (optional)</label>
        <input id="model-variant" value={variant} onChange={(e) => setVariant(e.target.value)} />
        {error && <div className="dialog-error">{error}</div>}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || path.trim() === ''}>
            {busy ? 'Opening…' : 'Add'}
          </button>
        </div>
      </form>
    </div>
  );
}
