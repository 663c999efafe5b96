import type { EvaluationData } from '../../../core/ipc/types';
import type { CaseFocus } from './caseFocus';

const SHOWN = 200;

interface Props {
  cases: CaseFocus[];
  focus: CaseFocus | null;
  data: EvaluationData;
  onFocus(focus: CaseFocus): void;
  /** What one case says beside its image's name. */
  describe(c: CaseFocus): string;
}

/** The cases of the chosen kind: previous / next across images, and a list to pick one from. */
export function CaseList({ cases, focus, data, onFocus, describe }: Props) {
  const names = new Map(data.images.map((i) => [i.id, i.fileName]));
  const at = focus && cases[focus.index]?.kind === focus.kind ? focus.index : -1;
  const go = (step: number) => {
    const next = cases[at < 0 ? (step > 0 ? 0 : cases.length - 1) : (at + step + cases.length) % cases.length];
    if (next) onFocus(next);
  };
  if (cases.length === 0) return <div className="muted">No case of this kind.</div>;
  return (
    <div className="case-list" data-testid="case-list">
      <div className="case-nav">
        <button type="button" onClick={() => go(-1)} title="Previous case (,)">
          ‹ Previous
        </button>
        <span data-testid="case-position">{at < 0 ? `${cases.length} cases` : `Case ${at + 1} of ${cases.length}`}</span>
        <button type="button" onClick={() => go(1)} title="Next case (.)">
          Next ›
        </button>
      </div>
      <ul>
        {cases.slice(0, SHOWN).map((c) => (
          <li key={c.index}>
            <button type="button" className={c.index === at ? 'current' : undefined} aria-current={c.index === at} onClick={() => onFocus(c)}>
              <span className="case-image">{names.get(c.imageId) ?? c.imageId}</span> <span className="muted">{describe(c)}</span>
            </button>
          </li>
        ))}
        {cases.length > SHOWN && <li className="muted">and {cases.length - SHOWN} more (Next › reaches them)</li>}
      </ul>
    </div>
  );
}
