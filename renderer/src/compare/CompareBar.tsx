import type { ModelEntry } from '../../../core/ipc/types';

interface Props {
  models: ModelEntry[];
  modelA: number | null;
  modelB: number | null;
  onModels(a: number, b: number): void;
  iouThr: number;
  onIou(v: number): void;
  scoreThr: number;
  onScore(v: number): void;
  sort: string;
  onSort(v: string): void;
  /** Whether edits changed the values since the list was sorted; the list then offers to sort again. */
  stale: boolean;
  onResort(): void;
  onExport(): void;
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
export function CompareBar({ models, modelA, modelB, onModels, iouThr, onIou, scoreThr, onScore, sort, onSort, stale, onResort, onExport }: Props) {
  // A and B are two different models whenever the project has two: each list leaves out the other's choice.
  const choice = (value: number | null, other: number | null, onChange: (id: number) => void, label: string) => (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
      {models
        .filter((m) => models.length < 2 || m.id !== other)
        .map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
    </select>
  );
  return (
    <div className="toolbar compare-bar" role="toolbar" aria-label="Compare">
      <label className="tool-group">A {choice(modelA, modelB, (a) => onModels(a, modelB ?? a), 'Model A')}</label>
      <button type="button" aria-label="Swap A and B" title="Swap A and B" disabled={modelA === null || modelB === null || modelA === modelB} onClick={() => onModels(modelB!, modelA!)}>
        ⇄
      </button>
      <label className="tool-group">B {choice(modelB, modelA, (b) => onModels(modelA ?? b, b), 'Model B')}</label>
      <label className="tool-group slider">
        IoU ≥
        <input type="range" aria-label="IoU threshold" min={0.5} max={0.95} step={0.05} value={iouThr} onChange={(e) => onIou(Number(e.target.value))} />
        <output>{iouThr.toFixed(2)}</output>
      </label>
      <label className="tool-group slider">
        Score ≥
        <input type="range" aria-label="Score threshold" min={0} max={1} step={0.01} value={scoreThr} onChange={(e) => onScore(Number(e.target.value))} />
        <output>{scoreThr.toFixed(2)}</output>
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
