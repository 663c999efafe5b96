import type { LabelErrorKind } from '../../../core/compare/labelErrors';
import type { EvaluationData } from '../../../core/ipc/types';
import { CaseList } from './CaseList';
import { casesOf, type CaseFocus } from './caseFocus';
import type { FindingsState } from './useFindings';
import { FindingsNotice } from './FindingsNotice';

interface Props {
  state: FindingsState;
  data: EvaluationData;
  focus: CaseFocus | null;
  onFocus(focus: CaseFocus | null): void;
  onAccept(imageId: number, categoryId: number, box: readonly [number, number, number, number]): void;
}

const KINDS: { kind: `label:${LabelErrorKind}`; label: string; meaning: string }[] = [
  {
    kind: 'label:unlabelled',
    label: 'No ground truth',
    meaning: 'Both models fire confidently on the same spot, with no ground truth there: a person the labeller likely missed',
  },
  { kind: 'label:loose', label: 'Loose box', meaning: 'Both models cover this ground truth only loosely (IoU 0.1–0.5): the box may be badly drawn' },
];

/** Likely label errors, most confident first, with one press to take the models' box into the ground truth. */
export function LabelCheckPanel({ state, data, focus, onFocus, onAccept }: Props) {
  const { findings, error } = state;
  if (error || !findings) return <FindingsNotice error={error} working="Looking for likely label errors…" />;
  const errors = findings.statistics.labelErrors;
  const chosen = focus && focus.kind.startsWith('label:') ? (focus.kind as `label:${LabelErrorKind}`) : null;
  const current = chosen ? errors.filter((e) => `label:${e.kind}` === chosen)[focus!.index] : undefined;
  return (
    <div className="label-check" data-testid="label-check">
      <div className="chip-row" role="group" aria-label="Likely label errors">
        {KINDS.map(({ kind, label, meaning }) => {
          const n = errors.filter((e) => `label:${e.kind}` === kind).length;
          return (
            <button
              key={kind}
              type="button"
              className="chip"
              title={`${meaning}.`}
              aria-pressed={chosen === kind}
              disabled={n === 0}
              onClick={() => onFocus(chosen === kind ? null : (casesOf(kind, findings.diff, errors)[0] ?? null))}
            >
              {label} <strong>{n}</strong>
            </button>
          );
        })}
      </div>
      {chosen ? (
        <>
          <div className="muted">{KINDS.find((k) => k.kind === chosen)!.meaning}.</div>
          {current && current.kind === 'unlabelled' && (
            <button
              type="button"
              className="primary"
              data-testid="accept-label"
              onClick={() => onAccept(Number(current.imageId), current.categoryId, current.box)}
            >
              Add this box to the ground truth (G)
            </button>
          )}
          <CaseList
            cases={casesOf(chosen, findings.diff, errors)}
            focus={focus}
            data={data}
            onFocus={onFocus}
            describe={(c) => {
              const e = errors.filter((x) => `label:${x.kind}` === chosen)[c.index];
              return `scores A ${e.a.score.toFixed(2)} · B ${e.b.score.toFixed(2)}`;
            }}
          />
        </>
      ) : (
        <div className="muted">
          {errors.length === 0
            ? 'No likely label error: the models agree with the ground truth where both are confident.'
            : 'Choose a kind to go through its cases.'}
        </div>
      )}
    </div>
  );
}
