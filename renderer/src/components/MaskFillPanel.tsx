import type { MaskAssist } from '../state/useMaskAssist';

/**
 * Masks for every box without one, from the model chosen in the toolbar: on this image (box by box, one
 * undoable edit) or on the whole project (a background job that stores as it goes, not undoable); while one
 * works, its progress and a Cancel button in the buttons' place.
 */
export function MaskFillPanel({ assist }: { assist: MaskAssist }) {
  const { candidates, modelId, work, job } = assist;
  const model = candidates.find((m) => m.id === modelId);
  const fill = work?.scope === 'image' ? { ...work, project: false } : job && { done: job.boxesDone, total: job.boxesTotal, project: true };
  const disabled = !model || !!work || !!job;
  return (
    <section className="mask-fill" aria-label="Masks for every box without one">
      <div className="muted">Masks for boxes without one{model ? `, with ${model.variant || model.name}` : ': add a Mask R-CNN'}</div>
      {fill ? (
        <div className="run-progress" data-testid="mask-progress">
          <div className="run-bar" role="progressbar" aria-label="Boxes done" aria-valuemin={0} aria-valuemax={fill.total} aria-valuenow={fill.done}>
            <div className="run-bar-fill" style={{ width: `${fill.total ? ((100 * fill.done) / fill.total).toFixed(1) : 0}%` }} />
          </div>
          <div className="run-figures">
            <span data-testid="mask-progress-count">
              Masks: {fill.done} / {fill.total} boxes{fill.project ? ' · project, not undoable' : ''}
            </span>
            <span className="status-spacer" />
            <button type="button" className="small" onClick={assist.cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="mask-fill-buttons">
          <button type="button" disabled={disabled} onClick={assist.fillImage} title="A mask for every box without one on this image, as one undoable edit">
            This image
          </button>
          <button
            type="button"
            disabled={disabled}
            onClick={assist.fillProject}
            title="A mask for every box without one on every image of the project: it runs in the background and is not undoable"
          >
            Whole project
          </button>
        </div>
      )}
    </section>
  );
}
