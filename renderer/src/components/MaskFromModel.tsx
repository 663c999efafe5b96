import type { MaskAssist } from '../state/useMaskAssist';

/** Box to mask in the toolbar: the selected boxes' masks from the chosen model (M), and which model (only those that give masks). */
export function MaskFromModel({ assist, hasSelection }: { assist: MaskAssist; hasSelection: boolean }) {
  const { candidates, modelId, work } = assist;
  // The project's fill runs beside it: only the editor's own asking (M, this image's fill) waits.
  const busy = !!work;
  const noModel = modelId === null;
  return (
    <div className="tool-group" role="group" aria-label="Box to mask">
      <button
        type="button"
        disabled={!hasSelection || noModel || busy}
        onClick={assist.fromSelection}
        title={noModel ? 'Add a Mask R-CNN model to get masks from boxes' : 'The mask the chosen model finds for each selected box; the boxes stay (M)'}
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
    </div>
  );
}
