import type { MaskAssist } from '../state/useMaskAssist';

interface Props {
  assist: MaskAssist;
  hasSelection: boolean;
}

/**
 * Box to mask in the toolbar: the selection's masks from the chosen model (M), which model (only those that give
 * masks), masks for every box without one on the image or the whole project, and while a fill works, its
 * progress with a Cancel button in the fill buttons' place (one slot, so the toolbar does not reflow).
 */
export function MaskAssistBar({ assist, hasSelection }: Props) {
  const { candidates, modelId, work, job } = assist;
  const busy = !!work || !!job;
  const noModel = modelId === null;
  const fill =
    work?.scope === 'image'
      ? { ...work, project: false, title: 'Masks for the boxes of this image without one: one undoable edit when done' }
      : job && {
          done: job.boxesDone,
          total: job.boxesTotal,
          project: true,
          title: 'Masks for every box without one in the project: stored as made, not undoable',
        };
  return (
    <div className="tool-group" role="group" aria-label="Box to mask">
      <button
        type="button"
        disabled={!hasSelection || noModel || busy}
        onClick={assist.fromSelection}
        title={noModel ? 'Add a Mask R-CNN model to get masks from boxes' : 'The mask the chosen model finds for each selected box (M)'}
      >
        {work?.scope === 'selection' ? 'Asking the model…' : 'Mask from model'}
      </button>
      <select
        aria-label="Mask model"
        value={modelId ?? ''}
        disabled={noModel || busy}
        onChange={(e) => assist.choose(Number(e.target.value))}
        title="The model that makes masks from boxes"
      >
        {noModel && <option value="">no Mask R-CNN</option>}
        {candidates.map((m) => (
          <option key={m.id} value={m.id}>
            {m.variant || m.name}
          </option>
        ))}
      </select>
      <span className="mask-fill">
        {fill ? (
          <span className="mask-progress" data-testid="mask-progress" title={fill.title}>
            <span className="run-bar" role="progressbar" aria-label="Boxes done" aria-valuemin={0} aria-valuemax={fill.total} aria-valuenow={fill.done}>
              <span className="run-bar-fill" style={{ width: `${fill.total ? ((100 * fill.done) / fill.total).toFixed(1) : 0}%` }} />
            </span>
            <span data-testid="mask-progress-count">
              Masks: {fill.done} / {fill.total} boxes{fill.project ? ' · project' : ''}
            </span>
            <button type="button" className="small" onClick={assist.cancel}>
              Cancel
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              disabled={noModel || busy}
              onClick={assist.fillImage}
              title="A mask from the model for every box without one on this image (one undoable edit)"
            >
              Fill image
            </button>
            <button
              type="button"
              disabled={noModel || busy}
              onClick={assist.fillProject}
              title="A mask from the model for every box without one, on every image of the project: it runs in the background and is not undoable"
            >
              Fill project
            </button>
          </>
        )}
      </span>
    </div>
  );
}
