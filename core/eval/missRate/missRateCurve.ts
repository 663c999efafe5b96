import type { DetectionOutcome, ImageMatch } from './imageMatching.js';
import { FPPI_POINTS } from './setups.js';

/** A point of the miss-rate-versus-FPPI curve. */
export interface MissRatePoint {
  /** False positives per image. */
  readonly fppi: number;
  readonly missRate: number;
}

export interface MissRateCurve {
  /** One point per detection that is not ignored, highest score first. */
  readonly points: readonly MissRatePoint[];
  /** The miss rate read at each of the nine FPPI points. */
  readonly samples: readonly MissRatePoint[];
  /** MR⁻²: the geometric mean of the nine sampled miss rates, as a fraction. */
  readonly logAverageMissRate: number;
}

/**
 * Pools the images' detections (in image order, then highest score first within each image), orders them by
 * score (stable, highest first), drops the ignored ones and walks the rest: recall = true positives over the
 * ground truths to find, FPPI = false positives over every image of the file.
 */
export function missRateCurve(matches: readonly ImageMatch[], groundTruths: number, images: number): MissRateCurve {
  const pooled: { score: number; outcome: DetectionOutcome }[] = [];
  for (const m of matches) m.scores.forEach((score, i) => pooled.push({ score, outcome: m.outcomes[i] }));
  pooled.sort((a, b) => b.score - a.score);
  const recall: number[] = [];
  const fppi: number[] = [];
  let tp = 0;
  let fp = 0;
  for (const { outcome } of pooled) {
    if (outcome === 'ignored') continue;
    if (outcome === 'true-positive') tp++;
    else fp++;
    recall.push(tp / groundTruths);
    fppi.push(fp / images);
  }
  const samples = FPPI_POINTS.map((f) => ({ fppi: f, missRate: 1 - recallAt(f, fppi, recall) }));
  return {
    points: fppi.map((f, i) => ({ fppi: f, missRate: 1 - recall[i] })),
    samples,
    logAverageMissRate: logAverage(samples.map((s) => s.missRate)),
  };
}

/**
 * The recall at the last point whose FPPI is at most `f`. When even the first point is past `f`, the evaluator's
 * index −1 reads the last recall of the curve; with no points at all the recall is 0.
 */
function recallAt(f: number, fppi: readonly number[], recall: readonly number[]): number {
  if (recall.length === 0) return 0;
  let within = 0;
  while (within < fppi.length && fppi[within] <= f) within++;
  return within > 0 ? recall[within - 1] : recall[recall.length - 1];
}

/** exp(mean(log(missRates))); a miss rate of 0 makes it 0. */
function logAverage(missRates: readonly number[]): number {
  return Math.exp(numpySum(missRates.map(Math.log)) / missRates.length);
}

/**
 * A sum in numpy's pairwise order for fewer than 129 values, so that the mean rounds as the evaluator's does:
 * below 8 values left to right; otherwise eight running sums over strided values, combined as a tree, then the
 * values past the last whole block of eight added one by one.
 */
function numpySum(values: readonly number[]): number {
  const n = values.length;
  if (n < 8) return values.reduce((sum, v) => sum + v, 0);
  const r = values.slice(0, 8);
  const whole = n - (n % 8);
  for (let i = 8; i < whole; i += 8) for (let j = 0; j < 8; j++) r[j] += values[i + j];
  let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
  for (let i = whole; i < n; i++) sum += values[i];
  return sum;
}
