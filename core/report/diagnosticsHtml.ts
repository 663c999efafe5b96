import type { MetricDifference } from '../compare/bootstrap.js';
import { MISS_RATE_SETUPS } from '../eval/missRate/setups.js';
import { TIDE_MAIN_ERRORS, type TideMainError } from '../eval/tide/tideErrors.js';
import { TIDE_ERROR_MEANINGS, TIDE_MAIN_LABELS, type TideSummary } from '../eval/tide/tideSummary.js';
import { block, COLORS, esc, fixed, LABELS, modelHeading, signed, signedText } from './htmlParts.js';
import { missRateChartSvg } from './missRateChart.js';
import type { ReportModel, ReportSection } from './reportModel.js';
import { tideChartSvg } from './tideChart.js';

const num = (v: number | string) => `<td class="num">${v}</td>`;
/** tidecv's name of a main error, as the summary's key. */
const tideLabel = (e: TideMainError) => TIDE_MAIN_LABELS[e] as keyof TideSummary['main'];
/** A table head; `text` columns (by position) hold words, the others numbers. */
const head = (cells: readonly string[], text: readonly number[] = [0]) =>
  `<thead><tr>${cells.map((c, i) => `<th${text.includes(i) ? '' : ' class="num"'}>${c}</th>`).join('')}</tr></thead>`;
/** A detection's score as a threshold, to four places (the CSV and JSON hold it whole). */
const score = (v: number) => v.toFixed(4);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Both models' TIDE breakdown by one IoU type: ΔAP per error in a table and as bars. */
export function tideBlock(report: ReportModel, section: ReportSection): string {
  const [a, b] = section.tide;
  const main = TIDE_MAIN_ERRORS.map((e) => {
    const label = tideLabel(e);
    const [va, vb] = [a.summary.main[label], b.summary.main[label]];
    return `<tr><th>${label}</th><td>${esc(TIDE_ERROR_MEANINGS[e])}</td>${num(va.toFixed(3))}${num(vb.toFixed(3))}${signed(vb - va, false)}${num(a.counts[e])}${num(b.counts[e])}</tr>`;
  });
  const special = (['FalsePos', 'FalseNeg'] as const).map((label) => {
    const [va, vb] = [a.summary.special[label], b.summary.special[label]];
    const meaning = TIDE_ERROR_MEANINGS[label === 'FalsePos' ? 'falsePos' : 'falseNeg'];
    return `<tr class="special"><th>${label}</th><td>${esc(meaning)}</td>${num(va.toFixed(3))}${num(vb.toFixed(3))}${signed(vb - va, false)}<td></td><td></td></tr>`;
  });
  const table =
    `<table class="tide" data-iou-type="${section.iouType}">${head(['Error', 'What it is', 'ΔAP A', 'ΔAP B', 'B − A', 'Count A', 'Count B'], [0, 1])}` +
    `<tbody>${[...main, ...special].join('')}</tbody></table>`;
  const chart = tideChartSvg(
    'AP lost to each error (TIDE, IoU 0.5)',
    TIDE_MAIN_ERRORS.map(tideLabel),
    section.tide.map((t, i) => ({
      label: `${LABELS[i]}: ${report.models[i].name} (TIDE AP50 ${t.ap.toFixed(3)})`,
      color: COLORS[i],
      values: TIDE_MAIN_ERRORS.map((e) => t.summary.main[tideLabel(e)]),
    })),
  );
  const intro = `<p class="sub">The AP at IoU 0.5 each model would gain if one kind of error were fixed (tidecv's rules); lower is better.</p>`;
  return block('Where the AP goes (TIDE error breakdown)', `${intro}<div class="figure-row">${chart}</div>${table}`);
}

/** MR⁻² of both models in every setup, and the Reasonable miss-rate curves. */
export function missRateSection(report: ReportModel): string {
  const title = '<h2>Miss rate (MR⁻², pedestrians, boxes)</h2>';
  if (!report.missRate)
    return `<section class="keep" data-section="miss-rate">${title}<p>The project has no pedestrian category, so no miss rate is computed.</p></section>`;
  const [a, b] = report.missRate;
  const rows = MISS_RATE_SETUPS.map((s) => {
    const [va, vb] = [a.summary[s.name], b.summary[s.name]];
    const cell = (v: number | null) => num(v === null ? '—' : v.toFixed(3));
    return `<tr><th>${esc(s.title)}</th>${cell(va)}${cell(vb)}${signed(va === null || vb === null ? null : vb - va, false)}</tr>`;
  });
  const table = `<table class="miss-rate">${head(['Setup', 'MR⁻² A', 'MR⁻² B', 'B − A'])}<tbody>${rows.join('')}</tbody></table>`;
  const chart = missRateChartSvg(
    'Reasonable: miss rate against FPPI',
    report.missRate.map((m, i) => ({
      label: `${LABELS[i]}: ${report.models[i].name} (MR⁻² ${m.summary.reasonable === null ? '—' : m.summary.reasonable.toFixed(3)})`,
      color: COLORS[i],
      curve: m.reasonableCurve,
    })),
  );
  const intro =
    `<p class="sub">Log-average miss rate over FPPI 10⁻² to 1, by CityPersons' evaluator: the project's pedestrians, crowd regions ignored, ` +
    `every detection of the model; lower is better. — marks a setup without pedestrians to find.</p>`;
  return `<section class="keep" data-section="miss-rate">${title}${intro}<div class="split"><div>${table}</div><div>${chart}</div></div></section>`;
}

function countsTable(caption: string, cells: readonly [string, number][]): string {
  return `<table class="counts"><caption>${caption}</caption><tbody>${cells.map(([k, v]) => `<tr><th>${k}</th>${num(v)}</tr>`).join('')}</tbody></table>`;
}

function interval(m: MetricDifference): string {
  return m.ci95 ? `[${signedText(m.ci95[0])}, ${signedText(m.ci95[1])}]` : '—';
}

function bootstrapBlock(report: ReportModel): string {
  const bs = report.comparison.bootstrap;
  const rows = bs.metrics.map(
    (m) =>
      `<tr><th>${esc(m.name)}</th>${num(fixed(m.a))}${num(fixed(m.b))}${signed(m.value, m.higherIsBetter)}${num(interval(m))}<td>${esc(m.sentence)}</td></tr>`,
  );
  const table = `<table class="bootstrap">${head(['Metric', 'A', 'B', 'B − A', '95% interval', 'Verdict'], [0, 5])}<tbody>${rows.join('')}</tbody></table>`;
  const title = `Is the difference real? (paired bootstrap over images, ${bs.resamples} resamples, seed ${bs.seed})`;
  return block(title, `${table}<p class="verdict">${esc(bs.sentence)}</p>`);
}

function operatingPointsBlock(report: ReportModel): string {
  const rows = report.comparison.operatingPoints.map((p, i) => {
    const best = p.bestF1;
    const rate = p.atFalseAlarmRate;
    const bestCells = best
      ? [score(best.scoreThreshold), best.precision.toFixed(3), best.recall.toFixed(3), best.f1.toFixed(3)].map(num).join('')
      : '<td colspan="4">no threshold finds anyone</td>';
    const rateCells = rate
      ? [score(rate.scoreThreshold), rate.recall.toFixed(3), rate.falseAlarmsPerImage.toFixed(3)].map(num).join('')
      : '<td colspan="3">even the best-scored detection exceeds it</td>';
    return `<tr><th>${modelHeading(i as 0 | 1, report.models[i].name)}</th>${bestCells}${rateCells}</tr>`;
  });
  const target = report.comparison.operatingPoints[0].falseAlarmsPerImageTarget;
  const table =
    `<table class="operating-points"><thead><tr><th rowspan="2"></th><th colspan="4">Best F1</th><th colspan="3">At most ${target} false alarms per image</th></tr>` +
    `<tr>${['Score ≥', 'Precision', 'Recall', 'F1', 'Score ≥', 'Recall', 'FA / image'].map((h) => `<th class="num">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return block('Working thresholds (IoU 0.50, all areas, maxDets 100)', table);
}

function labelErrorsBlock(report: ReportModel): string {
  const { unlabelled, loose, top } = report.comparison.labelErrors;
  const intro =
    `<p class="sub">${plural(unlabelled, 'place', 'places')} where both models confidently see something the ground truth lacks (unlabelled), ` +
    `${plural(loose, 'ground-truth box', 'ground-truth boxes')} both models cover only loosely (loose); ranked by the lower of the two scores${top.length < unlabelled + loose ? `, the first ${top.length} shown` : ''}.</p>`;
  if (top.length === 0) return block('Likely label errors', intro);
  const box = (b: readonly number[]) => b.map((v) => Math.round(v)).join(', ');
  const rows = top.map(
    (c, k) =>
      `<tr><td class="num">${k + 1}</td><td>${c.kind}</td><td>${esc(c.fileName)}</td><td>${esc(c.category)}</td><td class="num">${box(c.box)}</td>` +
      `${num(c.a.score.toFixed(2))}${num(c.b.score.toFixed(2))}${num(c.a.gtIou.toFixed(2))}${num(c.b.gtIou.toFixed(2))}${num(c.abIou.toFixed(2))}</tr>`,
  );
  const table =
    `<table class="label-errors"><thead><tr><th class="num">#</th><th>Kind</th><th>Image</th><th>Category</th><th class="num">Box x, y, w, h</th>` +
    `<th class="num">Score A</th><th class="num">Score B</th><th class="num">GT IoU A</th><th class="num">GT IoU B</th><th class="num">A–B IoU</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return block('Likely label errors', intro + table);
}

/** Model A against model B by box: who finds whom, whether the differences are real, working thresholds, label errors. */
export function comparisonSection(report: ReportModel): string {
  const c = report.comparison;
  const [ta, tb] = c.scoreThresholds;
  const at = `IoU ${c.iouThreshold.toFixed(2)}, each model's detections scored at least its threshold (A ${ta}, B ${tb})`;
  const people = countsTable('People (ground truth that counts)', [
    ['Found by both', c.instances.both],
    ['By A only', c.instances.aOnly],
    ['By B only', c.instances.bOnly],
    ['By neither', c.instances.neither],
  ]);
  const alarms = countsTable('False alarms', [
    ['A only', c.falseAlarms.aOnly],
    ['B only', c.falseAlarms.bOnly],
    ['Shared (same spot)', c.falseAlarms.shared],
  ]);
  return [
    `<section class="page" data-section="comparison">`,
    `<h2>A against B (boxes)</h2>`,
    block('Who finds whom', `<p class="sub">At ${esc(at)}.</p><div class="split">${people}${alarms}</div>`),
    bootstrapBlock(report),
    operatingPointsBlock(report),
    labelErrorsBlock(report),
    `</section>`,
  ].join('\n');
}
