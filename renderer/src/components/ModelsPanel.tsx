import { useState } from 'react';
import type { InferenceRunStatus, ModelEntry } from '../../../core/ipc/types';
import { PREDICTION_COLOUR } from '../canvas/colours';
import type { Inference } from '../state/useInference';
import type { MaskAssist } from '../state/useMaskAssist';
import { AddModelDialog } from './AddModelDialog';
import { MaskFillPanel } from './MaskFillPanel';
import { RunProgress } from './RunProgress';
import { kindGivesMasks } from '../../../core/masks/boxToMask';

const isActive = (run: InferenceRunStatus | undefined) => run?.state === 'starting' || run?.state === 'running';

function threadChoices(): number[] {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 4 : 4;
  return [1, 2, 4, 8, 16, 32].filter((n) => n <= cores);
}

interface Props {
  inference: Inference;
  showMasks: boolean;
  onShowMasks(show: boolean): void;
  assist: MaskAssist;
}

/**
 * The project's detectors: which one is drawn, where each runs, a Run button for each and for all, and progress;
 * and masks from a model for the boxes without one.
 */
export function ModelsPanel({ inference, showMasks, onShowMasks, assist }: Props) {
  const { models, status, shown } = inference;
  const [adding, setAdding] = useState(false);
  const [threads, setThreads] = useState<number | undefined>(undefined);
  const runOf = (m: ModelEntry) => status.runs.find((r) => r.modelId === m.id);
  const runnable = models.filter((m) => !m.problem && !isActive(runOf(m)));

  return (
    <aside className="models-panel" aria-label="Models">
      <div className="panel-title">
        Models <span className="muted">{models.length}</span>
        <span className="status-spacer" />
        <button type="button" className="small" onClick={() => setAdding(true)}>
          Add…
        </button>
      </div>
      {inference.error && (
        <div className="run-error" role="alert">
          {inference.error}{' '}
          <button type="button" className="small" onClick={inference.dismissError}>
            ×
          </button>
        </div>
      )}
      <ul>
        {models.map((m) => {
          const run = runOf(m);
          const provider = run?.provider ?? m.provider;
          return (
            <li key={m.id} className={`model-item${shown?.id === m.id ? ' shown' : ''}`} data-testid="model-item" data-model-name={m.name}>
              <div className="model-head">
                <label className="model-name" title={`${m.name} · ${m.path}`}>
                  <input type="radio" name="shown-model" checked={shown?.id === m.id} onChange={() => inference.show(m.id)} />
                  <span className="model-name-text">{m.name}</span>
                </label>
                <button type="button" className="small" onClick={() => inference.run([m.id], threads)} disabled={!!m.problem || isActive(run)}>
                  Run
                </button>
              </div>
              <div className="muted model-meta">
                {m.variant}
                {m.bundled ? ' · bundled' : ''}
                <span
                  className="provider"
                  data-testid="model-provider"
                  title={provider ? 'Where its last run ran' : 'It runs on the CPU, or on a GPU where one is found, when it first runs'}
                >
                  {provider ?? (m.kind === 'imported' ? 'imported results' : 'not run yet')}
                </span>
              </div>
              {m.problem && <div className="run-error">{m.problem}</div>}
              {run && <RunProgress run={run} onCancel={() => inference.cancel(m.id)} />}
            </li>
          );
        })}
      </ul>
      {models.length === 0 && <div className="muted models-empty">No models yet: add an ONNX detector.</div>}
      <MaskFillPanel assist={assist} />
      <div className="models-footer">
        {models.length > 1 && (
          <button
            type="button"
            onClick={() =>
              inference.run(
                runnable.map((m) => m.id),
                threads,
              )
            }
            disabled={runnable.length === 0}
          >
            {models.length === 2 ? 'Run both' : 'Run all'}
          </button>
        )}
        <label className="muted">
          Threads{' '}
          <select value={threads ?? ''} onChange={(e) => setThreads(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">auto</option>
            {threadChoices().map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {shown && (
          <span className="muted legend" data-testid="predictions-shown">
            <span className="legend-swatch" style={{ borderColor: PREDICTION_COLOUR }} />
            {inference.visible.length} shown, score ≥ {shown.settings.displayThreshold}
          </span>
        )}
        {shown && (kindGivesMasks(shown.kind) || inference.visible.some((p) => p.mask)) && (
          <label className="tool-group" title="The shown model's masks, outlined, under its boxes">
            <input type="checkbox" checked={showMasks} onChange={(e) => onShowMasks(e.target.checked)} /> Its masks
          </label>
        )}
      </div>
      {adding && (
        <AddModelDialog
          onCancel={() => setAdding(false)}
          onAdd={async (request) => {
            await inference.addModel(request);
            setAdding(false);
          }}
        />
      )}
    </aside>
  );
}
