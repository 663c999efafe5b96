import { useState, type FormEvent } from 'react';
import type { ReportExport } from '../../../core/ipc/types';
import { api } from '../api/client';

type Format = 'html' | 'pdf' | 'csv' | 'json';
const FORMATS: Format[] = ['html', 'pdf', 'csv', 'json'];

interface Props {
  initialDir: string;
  modelIds: [number, number];
  scoreThreshold: number;
  iouThreshold: number;
  onClose(): void;
}

/** Writes the evaluation report of the two models being compared, at the sliders' thresholds. */
export function ExportReportDialog({ initialDir, modelIds, scoreThreshold, iouThreshold, onClose }: Props) {
  const [dir, setDir] = useState(initialDir);
  const [formats, setFormats] = useState<Format[]>(FORMATS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ReportExport | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await api['report.export']({ modelIds, dir: dir.trim(), formats, scoreThreshold, iouThreshold }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="dialog" role="dialog" aria-label="Export report" onSubmit={submit}>
        <h2>Export the evaluation report</h2>
        <label htmlFor="report-dir">Folder</label>
        <input id="report-dir" autoFocus value={dir} onChange={(e) => setDir(e.target.value)} spellCheck={false} />
        <div className="tool-group">
          {FORMATS.map((f) => (
            <label key={f} className="tool-group">
              <input
                type="checkbox"
                checked={formats.includes(f)}
                onChange={(e) => setFormats(e.target.checked ? [...formats, f] : formats.filter((x) => x !== f))}
              />
              {f.toUpperCase()}
            </label>
          ))}
        </div>
        <div className="muted">
          At IoU {iouThreshold.toFixed(2)} and score ≥ {scoreThreshold.toFixed(2)}, as the sliders are set.
        </div>
        {error && <div className="dialog-error">{error}</div>}
        {result && (
          <ul className="report-files" data-testid="report-files">
            {result.files.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={busy || formats.length === 0 || dir.trim() === ''}>
            {busy ? 'Writing…' : 'Export'}
          </button>
        </div>
      </form>
    </div>
  );
}
