import type { InferenceRunStatus } from '../../../core/ipc/types';

interface Props {
  run: InferenceRunStatus;
  onCancel(): void;
}

function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const s = Math.round(seconds);
  return `ETA ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const OUTCOME = { starting: 'Starting…', running: '', done: 'Done', cancelled: 'Cancelled', failed: 'Failed' };

/** One model's run: a bar with done/total, images per second and time left, and a Cancel button while it runs. */
export function RunProgress({ run, onCancel }: Props) {
  const active = run.state === 'starting' || run.state === 'running';
  const fraction = run.total ? run.done / run.total : 0;
  const notes = [OUTCOME[run.state], run.cached ? `${run.cached} cached` : '', run.failed ? `${run.failed} failed` : ''].filter(Boolean);
  return (
    <div className="run-progress" data-testid="run-progress" data-state={run.state}>
      <div className="run-bar" role="progressbar" aria-valuemin={0} aria-valuemax={run.total} aria-valuenow={run.done} aria-label="Images done">
        <div className={`run-bar-fill ${run.state}`} style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <div className="run-figures">
        <span data-testid="run-count">
          {run.done}/{run.total}
        </span>
        {run.imagesPerSecond !== null && <span>{run.imagesPerSecond.toFixed(1)} img/s</span>}
        <span>{eta(run.etaSeconds)}</span>
        <span className="status-spacer" />
        {notes.length > 0 && <span className="muted">{notes.join(' · ')}</span>}
        {active && (
          <button type="button" className="small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {run.error && <div className="run-error">{run.error}</div>}
    </div>
  );
}
