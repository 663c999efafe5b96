import type { AbDiff } from '../../../core/compare/abDiff.js';
import type { MetricDifference } from '../../../core/compare/bootstrap.js';
import { evaluatePair } from '../../../core/compare/pairedImages.js';
import { pairDiff, pairStatistics, type PairStatistics } from '../../../core/compare/pairFindings.js';
import type { CocoEvaluator } from '../../../core/eval/cocoEval.js';
import { formatFixed, STAT_NAMES } from '../../../core/eval/cocoStats.js';
import { parseCommand, usageError } from '../args.js';
import { readGroundTruthFile, readResultsFile } from '../cocoFiles.js';
import { diagnosticsText, missRateReader, tideOf } from '../diagnostics.js';
import type { MissRateSummary } from '../../../core/eval/missRate/missRateSummary.js';
import type { TideSummary } from '../../../core/eval/tide/tideSummary.js';
import type { Command } from '../command.js';

const HELP = `usage: pedlab compare --gt GT.json --a A.json --b B.json [--iou 0.5] [--score 0] [--iou-type bbox|segm]
                      [--seed 1] [--resamples 1000] [--json]

Compares two models' COCO results on one ground truth: both models' 12 stats, who finds which person and
whose false alarms are whose, B − A of AP, AP50 and AR100 with 95% paired-bootstrap intervals over images,
each model's operating points, its TIDE error breakdown and miss rates (MR^-2, as \`pedlab eval --tide
--miss-rate\` computes them), and places where the labels are likely wrong.

  --gt FILE         ground truth (COCO instances JSON)
  --a FILE          model A's results (a JSON list of detections)
  --b FILE          model B's results
  --iou T           IoU threshold of the person-by-person diff, one of 0.5, 0.55, ..., 0.95 (default 0.5)
  --score S         only detections scored at least S count in the diff (default 0)
  --iou-type TYPE   bbox (default) or segm
  --seed N          seed of the bootstrap's resampling (default 1)
  --resamples N     bootstrap resamples (default 1000)
  --json            print everything as JSON instead`;

/** Both models' 12 stats, the diff, the bootstrap, operating points and label errors of one comparison. */
interface Comparison extends PairStatistics {
  readonly a: CocoEvaluator;
  readonly b: CocoEvaluator;
  readonly diff: AbDiff;
  readonly diagnostics: { readonly a: ModelDiagnosticsSummary; readonly b: ModelDiagnosticsSummary };
}

interface ModelDiagnosticsSummary {
  readonly tide: TideSummary;
  readonly missRate: MissRateSummary;
}

export const compareCommand: Command = {
  summary: 'compare two models on one ground truth (diff, bootstrap intervals, label errors)',
  async run(argv: string[]): Promise<number> {
    const parsed = parseCommand(
      'compare',
      argv,
      {
        gt: { type: 'string' },
        a: { type: 'string' },
        b: { type: 'string' },
        iou: { type: 'string', default: '0.5' },
        score: { type: 'string', default: '0' },
        'iou-type': { type: 'string', default: 'bbox' },
        seed: { type: 'string', default: '1' },
        resamples: { type: 'string', default: '1000' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      HELP,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const bad = (problem: string) => usageError('compare', problem, HELP);
    if (positionals.length > 0) return bad(`unexpected argument "${positionals[0]}"`);
    if (!values.gt || !values.a || !values.b) return bad('--gt, --a and --b are required');
    const iouType = values['iou-type'];
    if (iouType !== 'bbox' && iouType !== 'segm') return bad(`--iou-type must be bbox or segm, got "${iouType}"`);
    const iouThr = Number(values.iou);
    const scoreThreshold = Number(values.score);
    const seed = Number(values.seed);
    const resamples = Number(values.resamples);
    if (values.iou.trim() === '' || !Number.isFinite(iouThr)) return bad(`--iou must be a number, got "${values.iou}"`);
    if (values.score.trim() === '' || !Number.isFinite(scoreThreshold)) return bad(`--score must be a number, got "${values.score}"`);
    if (!Number.isSafeInteger(seed)) return bad(`--seed must be an integer, got "${values.seed}"`);
    if (!Number.isSafeInteger(resamples) || resamples < 1) return bad(`--resamples must be a positive integer, got "${values.resamples}"`);

    const gt = await readGroundTruthFile(values.gt, iouType);
    const a = await readResultsFile(values.a, gt, iouType);
    const b = await readResultsFile(values.b, gt, iouType);
    const missRateOf = await missRateReader(values.gt, gt);
    const pair = evaluatePair({ images: gt.images, categories: gt.categories, groundTruth: gt.annotations }, a, b, { iouType });
    const params = pair.a.params;
    if (!params.iouThrs.some((t) => Math.abs(t - iouThr) < 1e-9)) {
      return bad(`--iou must be one of ${params.iouThrs.map((t) => formatFixed(t, 2)).join(', ')}, got "${values.iou}"`);
    }
    const comparison: Comparison = {
      a: pair.a,
      b: pair.b,
      diff: pairDiff(pair, iouThr, scoreThreshold),
      ...pairStatistics(pair, { seed, resamples }),
      diagnostics: {
        a: { tide: tideOf(gt, a, iouType), missRate: missRateOf(a) },
        b: { tide: tideOf(gt, b, iouType), missRate: missRateOf(b) },
      },
    };
    console.log(values.json ? JSON.stringify(jsonReport(comparison, iouThr, scoreThreshold), null, 2) : textReport(comparison, iouThr, scoreThreshold));
    return 0;
  },
};

/** What the report says of one model: its stats, its TIDE error breakdown and its miss rates. */
function modelSection(evaluator: CocoEvaluator, diagnostics: ModelDiagnosticsSummary) {
  const stats = evaluator.stats();
  return { stats: Object.fromEntries(STAT_NAMES.map((name, i) => [name, stats[i]])), tide: diagnostics.tide, missRate: diagnostics.missRate };
}

function delta(m: MetricDifference) {
  return { value: m.value, ci95: m.ci95, verdict: m.verdict, sentence: m.sentence };
}

function jsonReport(c: Comparison, iouThr: number, scoreThreshold: number) {
  const [ap, ap50, ar100] = c.bootstrap.metrics;
  return {
    iouType: c.a.params.iouType,
    iouThr,
    scoreThreshold,
    a: modelSection(c.a, c.diagnostics.a),
    b: modelSection(c.b, c.diagnostics.b),
    instances: c.diff.instances,
    falseAlarms: c.diff.falseAlarms,
    deltaAP: delta(ap),
    deltaAP50: delta(ap50),
    deltaAR100: delta(ar100),
    bootstrap: { seed: c.bootstrap.seed, resamples: c.bootstrap.resamples, sentence: c.bootstrap.sentence },
    operatingPoints: c.operatingPoints,
    labelErrors: c.labelErrors,
  };
}

const signed = (v: number) => `${v >= 0 ? '+' : '-'}${formatFixed(Math.abs(v), 3)}`;

function textReport(c: Comparison, iouThr: number, scoreThreshold: number): string {
  const sa = c.a.stats();
  const sb = c.b.stats();
  const lines = [`${''.padEnd(10)}${'A'.padStart(8)}${'B'.padStart(8)}`];
  STAT_NAMES.forEach((name, i) => lines.push(`${name.padEnd(10)}${formatFixed(sa[i], 3).padStart(8)}${formatFixed(sb[i], 3).padStart(8)}`));
  const { instances: p, falseAlarms: f } = c.diff;
  lines.push(
    '',
    `People at IoU ${formatFixed(iouThr, 2)}, score >= ${scoreThreshold}: both ${p.both}, A only ${p.aOnly}, B only ${p.bOnly}, neither ${p.neither}`,
    `False alarms: A only ${f.aOnly}, B only ${f.bOnly}, shared ${f.shared}`,
    '',
    `B - A, 95% interval (${c.bootstrap.resamples} paired resamples over images, seed ${c.bootstrap.seed}):`,
  );
  for (const m of c.bootstrap.metrics) {
    const value = m.value === null ? 'n/a' : signed(m.value);
    const interval = m.ci95 ? `[${signed(m.ci95[0])}, ${signed(m.ci95[1])}]` : '';
    lines.push(`  ${m.name.padEnd(6)} ${value.padStart(7)}  ${interval.padEnd(18)}  ${m.sentence}`);
  }
  lines.push(c.bootstrap.sentence, '', 'Operating points (IoU 0.50, all areas, maxDets 100):');
  for (const [name, points] of [
    ['A', c.operatingPoints.a],
    ['B', c.operatingPoints.b],
  ] as const) {
    const best = points.bestF1;
    const rate = points.atFalseAlarmRate;
    const bestText = best
      ? `best F1 ${formatFixed(best.f1, 3)} at score >= ${best.scoreThreshold} (precision ${formatFixed(best.precision, 3)}, recall ${formatFixed(best.recall, 3)})`
      : 'no threshold finds anyone';
    const rateText = rate
      ? `${points.falseAlarmsPerImageTarget} false alarms per image at score >= ${rate.scoreThreshold} (recall ${formatFixed(rate.recall, 3)})`
      : `even the best-scored detection exceeds ${points.falseAlarmsPerImageTarget} false alarms per image`;
    lines.push(`  ${name}: ${bestText}; ${rateText}`);
  }
  const unlabelled = c.labelErrors.filter((e) => e.kind === 'unlabelled').length;
  lines.push('', `Likely label errors: ${unlabelled} unlabelled, ${c.labelErrors.length - unlabelled} loose`);
  for (const e of c.labelErrors.slice(0, 10)) {
    const what = e.kind === 'unlabelled' ? `category ${e.categoryId} unlabelled` : `ground truth ${e.gtId} loose`;
    lines.push(
      `  image ${JSON.stringify(e.imageId)}: ${what} at [${e.box.map((v) => Math.round(v * 10) / 10).join(', ')}], scores A ${e.a.score}, B ${e.b.score}`,
    );
  }
  if (c.labelErrors.length > 10) lines.push(`  ... ${c.labelErrors.length - 10} more (--json lists them all)`);
  lines.push(
    ...diagnosticsText([
      { name: 'A', ...c.diagnostics.a },
      { name: 'B', ...c.diagnostics.b },
    ]),
  );
  return lines.join('\n');
}
