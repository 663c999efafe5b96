import type { ImageResult } from '../eval/imageResult.js';
import type { EvalParams } from '../eval/params.js';
import { ResampledStats, type HeadlineStats } from './resampledStats.js';
import { seededRandom } from './seededRandom.js';

/** A further metric to bootstrap (e.g. a miss rate): computed by the caller from its own per-image data. */
export interface BootstrapMetric {
  readonly name: string;
  /** False for a metric where lower is better (miss rate). */
  readonly higherIsBetter: boolean;
  /**
   * The model's value counting image i `multiplicity[i]` times (i indexes the images given to the
   * bootstrap); NaN or a negative value when it is undefined for that resample.
   */
  value(model: 'a' | 'b', multiplicity: Uint32Array): number;
}

export type Verdict = 'aBetter' | 'bBetter' | 'withinNoise' | 'undefined';

export interface MetricDifference {
  readonly name: string;
  readonly higherIsBetter: boolean;
  /** Each model's value over all the images, once each. */
  readonly a: number;
  readonly b: number;
  /** B − A over all the images; null when either value is undefined. */
  readonly value: number | null;
  /** 2.5th and 97.5th percentiles of B − A over the resamples where both are defined; null when none is. */
  readonly ci95: readonly [number, number] | null;
  /** Resamples where both values are defined. */
  readonly definedResamples: number;
  readonly verdict: Verdict;
  /** E.g. "B is better on AP50" or "the AP difference is within noise". */
  readonly sentence: string;
}

export interface BootstrapResult {
  readonly seed: number;
  readonly resamples: number;
  readonly metrics: readonly MetricDifference[];
  /** Every metric's verdict in one sentence. */
  readonly sentence: string;
}

export interface BootstrapOptions {
  /** Default 1000. */
  readonly resamples?: number;
  /** Default 1. */
  readonly seed?: number;
  readonly extraMetrics?: readonly BootstrapMetric[];
}

export const DEFAULT_RESAMPLES = 1000;
const HEADLINE: readonly (keyof HeadlineStats)[] = ['AP', 'AP50', 'AR100'];

/**
 * Paired bootstrap over images of B − A for AP, AP50 and AR100 (and any extra metric). Each resample draws as
 * many images as there are, uniformly with replacement, from the seeded generator; both models are scored on
 * the same draw. Matching is never redone: per-image results are fixed and a resample only re-accumulates
 * them ({@link ResampledStats}). A difference is a win when its 95% percentile interval (numpy's linear
 * interpolation) lies strictly above or below 0, within noise otherwise.
 *
 * `a[i]` and `b[i]` are the two models' results on the same image, in evaluation order; `params` the evaluation's.
 */
export function pairedBootstrap(a: readonly ImageResult[], b: readonly ImageResult[], params: EvalParams, options: BootstrapOptions = {}): BootstrapResult {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(resamples) || resamples < 1) throw new Error(`resamples must be a positive integer, got ${resamples}`);
  if (a.length !== b.length || a.some((r, i) => r.imageId !== b[i].imageId)) throw new Error('the two models were evaluated on different images');
  const statsA = new ResampledStats(a, params);
  const statsB = new ResampledStats(b, params);
  const extra = options.extraMetrics ?? [];
  const measure = (w: Uint32Array): { a: number[]; b: number[] } => {
    const sa = statsA.stats(w);
    const sb = statsB.stats(w);
    return {
      a: [...HEADLINE.map((k) => sa[k]), ...extra.map((m) => m.value('a', w))],
      b: [...HEADLINE.map((k) => sb[k]), ...extra.map((m) => m.value('b', w))],
    };
  };

  const n = a.length;
  const point = measure(new Uint32Array(n).fill(1));
  const names = [...HEADLINE, ...extra.map((m) => m.name)];
  const diffs = names.map(() => [] as number[]);
  const rand = seededRandom(seed);
  const w = new Uint32Array(n);
  for (let s = 0; s < resamples && n > 0; s++) {
    w.fill(0);
    for (let i = 0; i < n; i++) w[Math.floor(rand() * n)]++;
    const m = measure(w);
    names.forEach((_, j) => {
      if (defined(m.a[j]) && defined(m.b[j])) diffs[j].push(m.b[j] - m.a[j]);
    });
  }

  const metrics = names.map((name, j): MetricDifference => {
    const higherIsBetter = j < HEADLINE.length ? true : extra[j - HEADLINE.length].higherIsBetter;
    const both = defined(point.a[j]) && defined(point.b[j]);
    const sorted = Float64Array.from(diffs[j]).sort();
    const ci95 = both && sorted.length > 0 ? ([percentile(sorted, 2.5), percentile(sorted, 97.5)] as const) : null;
    const verdict = verdictOf(ci95, higherIsBetter);
    return {
      name,
      higherIsBetter,
      a: point.a[j],
      b: point.b[j],
      value: both ? point.b[j] - point.a[j] : null,
      ci95,
      definedResamples: sorted.length,
      verdict,
      sentence: metricSentence(name, verdict),
    };
  });
  return { seed, resamples, metrics, sentence: overallSentence(metrics) };
}

const defined = (v: number) => Number.isFinite(v) && v >= 0;

/** numpy.percentile's default (linear interpolation between the closest ranks) of ascending values. */
export function percentile(sorted: Float64Array, q: number): number {
  const at = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function verdictOf(ci95: readonly [number, number] | null, higherIsBetter: boolean): Verdict {
  if (!ci95) return 'undefined';
  const [lo, hi] = ci95;
  if (lo > 0) return higherIsBetter ? 'bBetter' : 'aBetter';
  if (hi < 0) return higherIsBetter ? 'aBetter' : 'bBetter';
  return 'withinNoise';
}

function metricSentence(name: string, verdict: Verdict): string {
  switch (verdict) {
    case 'aBetter':
      return `A is better on ${name}`;
    case 'bBetter':
      return `B is better on ${name}`;
    case 'withinNoise':
      return `the ${name} difference is within noise`;
    case 'undefined':
      return `${name} cannot be compared (no ground truth counts)`;
  }
}

/** E.g. "B is better on AP50; the AP and AR100 differences are within noise." */
function overallSentence(metrics: readonly MetricDifference[]): string {
  const named = (v: Verdict) => metrics.filter((m) => m.verdict === v).map((m) => m.name);
  const clauses: string[] = [];
  for (const [verdict, who] of [
    ['bBetter', 'B'],
    ['aBetter', 'A'],
  ] as const) {
    const names = named(verdict);
    if (names.length > 0) clauses.push(`${who} is better on ${listed(names)}`);
  }
  const noise = named('withinNoise');
  if (noise.length === 1) clauses.push(`the ${noise[0]} difference is within noise`);
  if (noise.length > 1) clauses.push(`the ${listed(noise)} differences are within noise`);
  const undefinedNames = named('undefined');
  if (undefinedNames.length > 0) clauses.push(`${listed(undefinedNames)} cannot be compared (no ground truth counts)`);
  const text = clauses.join('; ');
  return text.length > 0 ? `${text[0].toUpperCase()}${text.slice(1)}.` : '';
}

function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
