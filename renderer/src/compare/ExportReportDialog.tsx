import { useEffect, useState } from 'react';
import type { ReportExport } from '../../../core/ipc/types';
import { api, hasNativeDialogs, reportUrl } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { useReplaceConfirmation } from '../components/useReplaceConfirmation';
import { PathField } from '../components/PathField';
import { isLoose } from './iouThresholds';
import { scoreText, type ScoreThresholds } from './scoreThresholds';

type Format = 'html' | 'pdf' | 'csv' | 'json';
const FORMATS: Format[] = ['html', 'pdf', 'csv', 'json'];

interface Props {
  modelIds: [number, number];
  scoreThresholds: ScoreThresholds;
  iouThreshold: number;
  onClose(): void;
}

/**
 * Writes the evaluation report of the two models being compared, at the sliders' thresholds, by default into a new
 * folder of Pedlab's data folder; then offers to open the HTML report.
 */
export function ExportReportDialog({ modelIds, scoreThresholds, iouThreshold: sliderIou, onClose }: Props) {
  // Reports are read at COCO's thresholds only: with the slider below 0.50 the report is written at 0.50, and says so.
  const iouThreshold = isLoose(sliderIou) ? 0.5 : sliderIou;
  const [dir, setDir] = useState('');
  useEffect(() => {
    api['report.defaultFolder']({}).then(
      (answer) => setDir((typed) => typed || answer.dir),
      () => undefined,
    );
  }, []);
  const [openProblem, setOpenProblem] = useState<string | null>(null);
  const [formats, setFormats] = useState<Format[]>(FORMATS);
  const [result, setResult] = useState<ReportExport | null>(null);
  /** The files an export would replace that Pedlab did not write: shown, and replaced only on a second Export. */
  const { replacing, reset, attempt, submitLabel } = useReplaceConfirmation();
  const changeDir = (next: string) => {
    setDir(next);
    reset();
  };
  const exportReport = async () => {
    const written = await attempt((overwrite) =>
      api['report.export']({ modelIds, dir: dir.trim(), formats, scoreThreshold: [scoreThresholds[0], scoreThresholds[1]], iouThreshold, overwrite }),
    );
    if (written) setResult(written);
  };
  return (
    <FormDialog
      label="Export report"
      title="Export the evaluation report"
      submitLabel={submitLabel}
      busyLabel="Writing…"
      ready={formats.length > 0 && dir.trim() !== ''}
      onSubmit={exportReport}
      onCancel={onClose}
      cancelLabel={result ? 'Close' : 'Cancel'}
    >
      <PathField id="report-dir" label="Folder" purpose="report-folder" autoFocus value={dir} onChange={changeDir} />
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
      {isLoose(sliderIou) ? (
        <div className="dialog-warning" data-testid="report-iou-note">
          At IoU 0.50, not the slider’s {sliderIou.toFixed(2)}: reports use COCO’s IoU thresholds (0.50 to 0.95). At {scoreText(scoreThresholds)}, as the score
          sliders are set.
        </div>
      ) : (
        <div className="muted">
          At IoU {iouThreshold.toFixed(2)} and {scoreText(scoreThresholds)}, as the sliders are set.
        </div>
      )}
      {replacing && (
        <div className="dialog-warning" role="alert" data-testid="report-replace">
          {replacing}
        </div>
      )}
      {result && (
        <ul className="report-files" data-testid="report-files">
          {result.files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {result?.reportId !== undefined &&
        (hasNativeDialogs ? (
          <button
            type="button"
            className="report-open"
            onClick={() => api['report.open']({ reportId: result.reportId! }).catch((err: Error) => setOpenProblem(err.message))}
          >
            Open the report
          </button>
        ) : (
          <a className="report-open" href={reportUrl(result.reportId)} target="_blank" rel="noopener noreferrer">
            Open the report
          </a>
        ))}
      {openProblem && <div className="dialog-error">{openProblem}</div>}
    </FormDialog>
  );
}
