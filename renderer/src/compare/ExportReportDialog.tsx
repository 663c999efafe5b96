import { useState } from 'react';
import type { ReportExport } from '../../../core/ipc/types';
import { api } from '../api/client';
import { FormDialog } from '../components/FormDialog';

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
  const [result, setResult] = useState<ReportExport | null>(null);
  return (
    <FormDialog
      label="Export report"
      title="Export the evaluation report"
      submitLabel="Export"
      busyLabel="Writing…"
      ready={formats.length > 0 && dir.trim() !== ''}
      onSubmit={async () => setResult(await api['report.export']({ modelIds, dir: dir.trim(), formats, scoreThreshold, iouThreshold }))}
      onCancel={onClose}
      cancelLabel={result ? 'Close' : 'Cancel'}
    >
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
      {result && (
        <ul className="report-files" data-testid="report-files">
          {result.files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </FormDialog>
  );
}
