import { MODEL_COLOURS } from '../../../core/compare/palette';
import type { OperatingPoints } from '../../../core/compare/operatingPoints';
import type { EvaluationData } from '../../../core/ipc/types';
import { CaseList } from './CaseList';
import { casesOf, type CaseFocus } from './caseFocus';
import type { CaseKind } from './imageOrder';
import { scoreText, type ScoreThresholds } from './scoreThresholds';
import type { FindingsState } from './useFindings';
import { FindingsNotice } from './FindingsNotice';

interface Props {
  state: FindingsState;
  data: EvaluationData;
  iouThr: number;
  scoreThrs: ScoreThresholds;
  focus: CaseFocus | null;
  onFocus(focus: CaseFocus | null): void;
  onScore(model: 0 | 1, score: number): void;
}

const PEOPLE: [CaseKind, string][] = [
  ['person:both', 'Both'],
  ['person:aOnly', 'A only'],
  ['person:bOnly', 'B only'],
  ['person:neither', 'Neither'],
];
const ALARMS: [CaseKind, string][] = [
  ['alarm:aOnly', 'A only'],
  ['alarm:bOnly', 'B only'],
  ['alarm:shared', 'Shared'],
];
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;

/** Who finds whom at the sliders, whether B − A is more than noise, and each model's operating points. */
export function DifferencesPanel({ state, data, iouThr, scoreThrs, focus, onFocus, onScore }: Props) {
  const { findings, pending, error } = state;
  if (error || !findings) return <FindingsNotice error={error} working="Comparing the two models person by person…" />;
  const { diff, statistics } = findings;
  const counts: Record<CaseKind, number> = {
    'person:both': diff.instances.both,
    'person:aOnly': diff.instances.aOnly,
    'person:bOnly': diff.instances.bOnly,
    'person:neither': diff.instances.neither,
    'alarm:aOnly': diff.falseAlarms.aOnly,
    'alarm:bOnly': diff.falseAlarms.bOnly,
    'alarm:shared': diff.falseAlarms.shared,
  };
  const chosen = focus && !focus.kind.startsWith('label:') ? focus.kind : null;
  const choose = (kind: CaseKind) => {
    if (chosen === kind) return onFocus(null);
    const [first] = casesOf(kind, diff, statistics.labelErrors);
    onFocus(first ?? null);
  };
  const chips = (title: string, kinds: [CaseKind, string][]) => (
    <div className="chip-row" role="group" aria-label={title}>
      <span className="chip-title">{title}</span>
      {kinds.map(([kind, label]) => (
        <button
          key={kind}
          type="button"
          className="chip"
          aria-pressed={chosen === kind}
          data-kind={kind}
          disabled={counts[kind] === 0}
          onClick={() => choose(kind)}
        >
          {label} <strong>{counts[kind]}</strong>
        </button>
      ))}
    </div>
  );
  return (
    <div className={`differences-panel${pending ? ' stale' : ''}`} aria-busy={pending} data-testid="differences-panel">
      <table className="stats-table" data-testid="significance">
        <caption>B − A, 95% interval ({statistics.bootstrap.resamples} paired resamples over images)</caption>
        <tbody>
          {statistics.bootstrap.metrics.map((m) => (
            <tr key={m.name} data-metric={m.name} title={m.sentence}>
              <th scope="row">Δ{m.name}</th>
              <td>{m.value === null ? '—' : signed(m.value)}</td>
              <td className="interval">{m.ci95 ? `[${signed(m.ci95[0])}, ${signed(m.ci95[1])}]` : ''}</td>
              <td className={m.verdict === 'bBetter' ? 'model-b' : m.verdict === 'aBetter' ? 'model-a' : 'muted'}>
                {m.verdict === 'bBetter' ? 'B better' : m.verdict === 'aBetter' ? 'A better' : m.verdict === 'withinNoise' ? 'noise' : 'n/a'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="verdict" data-testid="verdict">
        {statistics.bootstrap.sentence}
      </p>
      <div className="muted">
        People and false alarms at IoU {iouThr.toFixed(2)}, {scoreText(scoreThrs)}:
      </div>
      {chips('People', PEOPLE)}
      {chips('False alarms', ALARMS)}
      {chosen && (
        <CaseList
          cases={casesOf(chosen, diff, statistics.labelErrors)}
          focus={focus}
          data={data}
          onFocus={onFocus}
          describe={(c) =>
            c.gtIds.length
              ? `person #${c.gtIds[0]}`
              : `detection ${[...c.aDetectionIds.map((d) => `A#${d}`), ...c.bDetectionIds.map((d) => `B#${d}`)].join(' ')}`
          }
        />
      )}
      <OperatingPointsTable points={[statistics.operatingPoints.a, statistics.operatingPoints.b]} onScore={onScore} />
    </div>
  );
}

/** Each model's best-F1 threshold and its threshold at the target false alarms per image, with a button that sets the slider there. */
function OperatingPointsTable({ points, onScore }: { points: [OperatingPoints, OperatingPoints]; onScore(model: 0 | 1, score: number): void }) {
  return (
    <table className="stats-table operating-points" data-testid="operating-points">
      <caption>Operating points (IoU 0.50)</caption>
      <thead>
        <tr>
          <th />
          <th>Best F1</th>
          <th>{points[0].falseAlarmsPerImageTarget} FP / image</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p, i) => (
          <tr key={i} data-model={i === 0 ? 'a' : 'b'}>
            <th scope="row" style={{ color: MODEL_COLOURS[i] }}>
              {i === 0 ? 'A' : 'B'}
            </th>
            <td>
              {p.bestF1 ? (
                <button
                  type="button"
                  className="link"
                  title="Set this model's score threshold here"
                  onClick={() => onScore(i === 0 ? 0 : 1, p.bestF1!.scoreThreshold)}
                >
                  F1 {p.bestF1.f1.toFixed(3)} at ≥ {p.bestF1.scoreThreshold.toFixed(2)}
                </button>
              ) : (
                '—'
              )}
            </td>
            <td>
              {p.atFalseAlarmRate ? (
                <button
                  type="button"
                  className="link"
                  title="Set this model's score threshold here"
                  onClick={() => onScore(i === 0 ? 0 : 1, p.atFalseAlarmRate!.scoreThreshold)}
                >
                  recall {p.atFalseAlarmRate.recall.toFixed(3)} at ≥ {p.atFalseAlarmRate.scoreThreshold.toFixed(2)}
                </button>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
