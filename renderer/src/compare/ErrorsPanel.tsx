import { MISS_RATE_SETUPS } from '../../../core/eval/missRate/setups';
import { TIDE_MAIN_ERRORS } from '../../../core/eval/tide/tideErrors';
import { TIDE_ERROR_MEANINGS, TIDE_MAIN_LABELS } from '../../../core/eval/tide/tideSummary';
import { MissRateChart } from './MissRateChart';
import { MODEL_COLOURS } from '../../../core/compare/palette';
import type { FindingsState } from './useFindings';
import { FindingsNotice } from './FindingsNotice';

interface Props {
  names: [string, string];
  state: FindingsState;
  iouType: 'bbox' | 'segm';
}

const fraction = (v: number | null) => (v === null ? '—' : v.toFixed(3));

/** The head of a table with a column per model, each named in its model's colour. */
function ModelsHead() {
  return (
    <thead>
      <tr>
        <th />
        <th style={{ color: MODEL_COLOURS[0] }}>A</th>
        <th style={{ color: MODEL_COLOURS[1] }}>B</th>
      </tr>
    </thead>
  );
}

/** One error's ΔAP for both models: a number and a bar scaled to the largest ΔAP in the table. */
function ErrorRow({ label, meaning, values, max }: { label: string; meaning: string; values: number[]; max: number }) {
  return (
    <tr title={meaning}>
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        <td key={i} className="bar-cell">
          <span className="bar" style={{ width: `${max > 0 ? (Math.max(v, 0) / max) * 100 : 0}%`, background: MODEL_COLOURS[i] }} />
          <span className="bar-value">{v.toFixed(3)}</span>
        </td>
      ))}
    </tr>
  );
}

/** Why each model loses AP (TIDE's error breakdown) and how many pedestrians it misses (MR⁻²), side by side. */
export function ErrorsPanel({ names, state, iouType }: Props) {
  const { findings, pending, error } = state;
  if (error || !findings) return <FindingsNotice error={error} working="Working out the error breakdown…" />;
  const [a, b] = findings.diagnostics;
  const main = TIDE_MAIN_ERRORS.map((e) => [a.tide.mainErrors[e], b.tide.mainErrors[e]]);
  const special = [
    [a.tide.specialErrors.falsePos, b.tide.specialErrors.falsePos],
    [a.tide.specialErrors.falseNeg, b.tide.specialErrors.falseNeg],
  ];
  const max = Math.max(...main.flat(), ...special.flat());
  const missRates = a.missRate && b.missRate ? [a.missRate, b.missRate] : null;
  return (
    <div className={`errors-panel${pending ? ' stale' : ''}`} data-testid="errors-panel" aria-busy={pending}>
      <table className="stats-table tide-table" data-testid="tide-table">
        <caption>AP lost to each error ({iouType === 'segm' ? 'mask' : 'box'} IoU, TIDE at 0.5)</caption>
        <ModelsHead />
        <tbody>
          {TIDE_MAIN_ERRORS.map((e, k) => (
            <ErrorRow key={e} label={TIDE_MAIN_LABELS[e]} meaning={TIDE_ERROR_MEANINGS[e]} values={main[k]} max={max} />
          ))}
          <ErrorRow label="FalsePos" meaning={TIDE_ERROR_MEANINGS.falsePos} values={special[0]} max={max} />
          <ErrorRow label="FalseNeg" meaning={TIDE_ERROR_MEANINGS.falseNeg} values={special[1]} max={max} />
        </tbody>
      </table>
      {missRates ? (
        <>
          <table className="stats-table" data-testid="miss-rate-table">
            <caption>Log-average miss rate MR⁻² (lower is better)</caption>
            <ModelsHead />
            <tbody>
              {MISS_RATE_SETUPS.map((s) => {
                const [va, vb] = missRates.map((m) => m[s.name].logAverageMissRate);
                const better = (v: number | null, w: number | null) => (v !== null && w !== null && v < w ? 'better' : undefined);
                return (
                  <tr key={s.name} data-setup={s.name}>
                    <th scope="row">{s.title}</th>
                    <td className={better(va, vb)}>{fraction(va)}</td>
                    <td className={better(vb, va)}>{fraction(vb)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <MissRateChart
            title="Miss rate vs FPPI (Reasonable)"
            series={missRates.map((m, i) => ({ label: names[i], colour: MODEL_COLOURS[i], curve: m.reasonable.curve }))}
          />
        </>
      ) : (
        <div className="muted">MR⁻² needs a pedestrian (or person) category.</div>
      )}
    </div>
  );
}
