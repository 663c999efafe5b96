import type { ModelEntry } from '../../../core/ipc/types';
import { IOU_SLIDER_MAX, IOU_SLIDER_MIN } from './iouThresholds';
import type { ScoreThresholds } from './scoreThresholds';

interface Props {
  models: ModelEntry[];
  modelA: number | null;
  modelB: number | null;
  onModels(a: number, b: number): void;
  iouThr: number;
  onIou(v: number): void;
  scoreThrs: ScoreThresholds;
  onScore(model: 0 | 1 | 'both', v: number): void;
  /** One slider for both models, or one each. */
  linked: boolean;
  onLinked(linked: boolean): void;
  sort: string;
  onSort(v: string): void;
  /** Whether edits changed the values since the list was sorted; the list then offers to sort again. */
  stale: boolean;
  onResort(): void;
  showModelMasks: boolean;
  onShowModelMasks(show: boolean): void;
  onExport(): void;
}

function ScoreSlider({ label, name, value, onChange }: { label: string; name: string; value: number; onChange(v: number): void }) {
  return (
    <label className="tool-group slider">
      {label}
      <input type="range" aria-label={name} min={0} max={1} step={0.01} value={value} onChange={(e) => onChange(Number(e.target.value))} />
      <output>{value.toFixed(2)}</output>
    </label>
  );
}

export const SORTS: Record<string, string> = {
  name: 'Name',
  disagreement: 'Where A and B disagree most',
  misses: 'Most misses (FN)',
  'false-alarms': 'Most false alarms (FP)',
  'ap-a': 'Lowest AP of A',
  'ap-b': 'Lowest AP of B',
  'person:aOnly': 'People only A finds',
  'person:bOnly': 'People only B finds',
  'person:neither': 'People neither finds',
  'alarm:aOnly': "A's own false alarms",
  'alarm:bOnly': "B's own false alarms",
  'alarm:shared': 'False alarms of both',
};

/** Which two models, at which IoU and score thresholds, and how the image list is ordered. */
export function CompareBar({
  models,
  modelA,
  modelB,
  onModels,
  iouThr,
  onIou,
  scoreThrs,
  onScore,
  linked,
  onLinked,
  sort,
  onSort,
  stale,
  onResort,
  showModelMasks,
  onShowModelMasks,
  onExport,
}: Props) {
  // A and B stay two different models: choosing for one side the model the other side shows swaps them.
  const choice = (value: number | null, onChange: (id: number) => void, label: string) => (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
      {models.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </select>
  );
  const chooseA = (a: number) => (a === modelB && modelA !== null ? onModels(a, modelA) : onModels(a, modelB ?? a));
  const chooseB = (b: number) => (b === modelA && modelB !== null ? onModels(modelB, b) : onModels(modelA ?? b, b));
  return (
    <div className="toolbar compare-bar" role="toolbar" aria-label="Compare">
      <label className="tool-group">A {choice(modelA, chooseA, 'Model A')}</label>
      <button
        type="button"
        aria-label="Swap A and B"
        title="Swap A and B"
        disabled={modelA === null || modelB === null || modelA === modelB}
        onClick={() => onModels(modelB!, modelA!)}
      >
        ⇄
      </button>
      <label className="tool-group">B {choice(modelB, chooseB, 'Model B')}</label>
      <label className="tool-group slider">
        IoU ≥
        <input
          type="range"
          aria-label="IoU threshold"
          min={IOU_SLIDER_MIN}
          max={IOU_SLIDER_MAX}
          step={0.05}
          value={iouThr}
          onChange={(e) => onIou(Number(e.target.value))}
        />
        <output>{iouThr.toFixed(2)}</output>
      </label>
      {linked ? (
        <ScoreSlider label="Score ≥" name="Score threshold" value={scoreThrs[0]} onChange={(v) => onScore('both', v)} />
      ) : (
        <>
          <ScoreSlider label="A ≥" name="Score threshold of A" value={scoreThrs[0]} onChange={(v) => onScore(0, v)} />
          <ScoreSlider label="B ≥" name="Score threshold of B" value={scoreThrs[1]} onChange={(v) => onScore(1, v)} />
        </>
      )}
      <label className="tool-group" title="Each model at its own score threshold">
        <input
          type="checkbox"
          checked={!linked}
          onChange={(e) => {
            onLinked(!e.target.checked);
            if (!e.target.checked) onScore('both', scoreThrs[0]);
          }}
        />
        per model
      </label>
      <label className="tool-group" title="The models' masks, coloured by outcome (by mask IoU in segm mode)">
        <input type="checkbox" checked={showModelMasks} onChange={(e) => onShowModelMasks(e.target.checked)} /> Model masks
      </label>
      <span className="status-spacer" />
      <label className="tool-group">
        Sort images
        <select aria-label="Sort images" value={sort} onChange={(e) => onSort(e.target.value)}>
          {Object.entries(SORTS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      {stale && (
        <button type="button" onClick={onResort} title="Edits changed the values since the list was sorted">
          Sort again
        </button>
      )}
      <button type="button" onClick={onExport} disabled={modelA === null || modelB === null}>
        Export report…
      </button>
    </div>
  );
}
