import type { EvaluationData } from '../../../core/ipc/types';

interface Props {
  data: EvaluationData;
  modelIds: readonly number[];
  names: readonly string[];
  /** Opens the Models panel (in Edit mode), where models are added and run. */
  onModels(): void;
}

/** Why the numbers are empty, when they are: a model with no predictions yet, or no ground truth to score against. */
export function CompareHint({ data, modelIds, names, onModels }: Props) {
  const notRun = modelIds.map((id, i) => ((data.predictions[id] ?? []).length === 0 ? names[i] : null)).filter((n): n is string => n !== null);
  const noTruth = data.groundTruth.length === 0;
  if (notRun.length === 0 && !noTruth) return null;
  return (
    <div className="compare-hint" role="status" data-testid="compare-hint">
      {notRun.length > 0 && (
        <span>
          {notRun.map((n) => `“${n}”`).join(' and ')} {notRun.length === 1 ? 'has' : 'have'} no predictions yet: run {notRun.length === 1 ? 'it' : 'them'} in
          the Models panel.{' '}
          <button type="button" className="link" onClick={onModels}>
            Open the Models panel
          </button>
        </span>
      )}
      {noTruth && <span>No image has ground truth yet: draw boxes in Edit, or bring labels in with Import…; until then every number is empty.</span>}
    </div>
  );
}
