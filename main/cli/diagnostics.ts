import { evaluateMissRate } from '../../core/eval/missRate/missRateEval.js';
import { readMissRateGroundTruth } from '../../core/eval/missRate/missRateGroundTruth.js';
import { missRateSummary, type MissRateSummary } from '../../core/eval/missRate/missRateSummary.js';
import { MISS_RATE_SETUPS } from '../../core/eval/missRate/setups.js';
import { tideBreakdown } from '../../core/eval/tide/tideErrors.js';
import { tideSummary, type TideSummary } from '../../core/eval/tide/tideSummary.js';
import type { IouType } from '../../core/eval/params.js';
import { formatFixed } from '../../core/eval/cocoStats.js';
import type { Detection } from '../../core/eval/types.js';
import type { CocoGroundTruth } from '../../core/formats/cocoJson.js';
import { parseJsonText } from '../../core/formats/cocoJson.js';
import { parsedFrom } from '../../core/formats/formatError.js';
import { READ_LIMITS, readBoundedFile, readFailure } from '../security/boundedRead.js';

/** One model's TIDE error breakdown as tidecv computes it at its defaults, under tidecv's names. */
export function tideOf(gt: CocoGroundTruth, detections: readonly Detection[], iouType: IouType): TideSummary {
  return tideSummary(tideBreakdown({ images: gt.images, groundTruth: gt.annotations, detections }, { mode: iouType }));
}

/**
 * Reads the ground truth's CityPersons fields (`height`, `vis_ratio`, `ignore`), which the COCO evaluation does not
 * keep, for the miss rates of any number of result files.
 */
export async function missRateReader(gtPath: string, gt: CocoGroundTruth): Promise<(detections: readonly Detection[]) => MissRateSummary> {
  let text: string;
  try {
    text = (await readBoundedFile(gtPath, READ_LIMITS.annotations)).toString('utf8');
  } catch (err) {
    throw new Error(`cannot read ground truth ${gtPath}: ${readFailure(err)}`);
  }
  const truth = parsedFrom(gtPath, () => readMissRateGroundTruth(parseJsonText(text, gtPath), gt));
  return (detections) => missRateSummary(evaluateMissRate(truth, detections));
}

const fixed = (v: number | null) => (v === null ? 'n/a' : formatFixed(v, 3));

/** The breakdowns as `pedlab eval` and `pedlab compare` print them, one column per model. */
export function diagnosticsText(models: readonly { name: string; tide?: TideSummary; missRate?: MissRateSummary }[]): string[] {
  const header = `${''.padEnd(34)}${models.map((m) => m.name.padStart(8)).join('')}`;
  const lines: string[] = [];
  if (models.every((m) => m.tide)) {
    lines.push('', 'TIDE error breakdown: AP lost to each error (IoU 0.5; fractions)', header);
    const rows: [string, (t: TideSummary) => number][] = [
      ...(['Cls', 'Loc', 'Both', 'Dupe', 'Bkg', 'Miss'] as const).map((k): [string, (t: TideSummary) => number] => [k, (t) => t.main[k]]),
      ['FalsePos', (t) => t.special.FalsePos],
      ['FalseNeg', (t) => t.special.FalseNeg],
    ];
    for (const [label, value] of rows) lines.push(`  ${label.padEnd(32)}${models.map((m) => fixed(value(m.tide!)).padStart(8)).join('')}`);
  }
  if (models.every((m) => m.missRate)) {
    lines.push('', 'Log-average miss rate MR^-2 (CityPersons setups; lower is better)', header);
    for (const s of MISS_RATE_SETUPS) lines.push(`  ${s.title.padEnd(32)}${models.map((m) => fixed(m.missRate![s.name]).padStart(8)).join('')}`);
  }
  return lines;
}
