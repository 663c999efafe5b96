import { resultIndex, type CategoryMajor } from './accumulate.js';
import type { EvalParams } from './params.js';

/** The 12 COCO detection stats, in pycocotools' order. */
export type Stats = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

export const STAT_NAMES = ['AP', 'AP50', 'AP75', 'APsmall', 'APmedium', 'APlarge', 'AR1', 'AR10', 'AR100', 'ARsmall', 'ARmedium', 'ARlarge'] as const;

/** What one of the 12 stats averages over: AP or AR, one IoU threshold or all (null), an area range, maxDets. */
export interface StatSpec {
  readonly ap: boolean;
  readonly iouThr: number | null;
  readonly area: string;
  readonly maxDets: number;
}

/** The 12 stats' specs, in pycocotools' order (the first always at maxDets 100, as pycocotools has it). */
export function statSpecs(p: Pick<EvalParams, 'maxDets'>): StatSpec[] {
  const last = p.maxDets[2];
  return [
    { ap: true, iouThr: null, area: 'all', maxDets: 100 },
    { ap: true, iouThr: 0.5, area: 'all', maxDets: last },
    { ap: true, iouThr: 0.75, area: 'all', maxDets: last },
    { ap: true, iouThr: null, area: 'small', maxDets: last },
    { ap: true, iouThr: null, area: 'medium', maxDets: last },
    { ap: true, iouThr: null, area: 'large', maxDets: last },
    { ap: false, iouThr: null, area: 'all', maxDets: p.maxDets[0] },
    { ap: false, iouThr: null, area: 'all', maxDets: p.maxDets[1] },
    { ap: false, iouThr: null, area: 'all', maxDets: last },
    { ap: false, iouThr: null, area: 'small', maxDets: last },
    { ap: false, iouThr: null, area: 'medium', maxDets: last },
    { ap: false, iouThr: null, area: 'large', maxDets: last },
  ];
}

/**
 * Mean of the cells > -1 selected by threshold (by equality), area label and maxDets, over all recall
 * levels and categories; -1 when none. Summed in numpy's pairwise order, so the result is bit-identical.
 */
export function meanOf(res: CategoryMajor, p: EvalParams, ap: boolean, iouThr: number | null, area: string, maxDets: number): number {
  const { R, K } = res.dims;
  const a = p.areaRngLbl.indexOf(area);
  const m = p.maxDets.indexOf(maxDets);
  if (a < 0 || m < 0) return -1;
  const source = ap ? res.precision : res.recall;
  const levels = ap ? R : 1;
  // numpy flattens the selection threshold-major, then recall level, then category.
  const ts = p.iouThrs.flatMap((v, t) => (iouThr === null || v === iouThr ? [t] : []));
  if (gathered.length < ts.length * levels * K) gathered = new Float64Array(ts.length * levels * K);
  for (let k = 0; k < K; k++) {
    ts.forEach((t, ti) => {
      const from = resultIndex(res.dims, k, a, m, t, 0, levels);
      for (let r = 0; r < levels; r++) gathered[(ti * levels + r) * K + k] = source[from + r];
    });
  }
  let n = 0;
  for (let i = 0; i < ts.length * levels * K; i++) if (gathered[i] > -1) gathered[n++] = gathered[i];
  return n === 0 ? -1 : pairwiseSum(gathered, 0, n) / n;
}

let gathered = new Float64Array(0);

/** numpy's pairwise summation (blocks of 128, eight partial sums). */
function pairwiseSum(a: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    let r0 = a[start];
    let r1 = a[start + 1];
    let r2 = a[start + 2];
    let r3 = a[start + 3];
    let r4 = a[start + 4];
    let r5 = a[start + 5];
    let r6 = a[start + 6];
    let r7 = a[start + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const o = start + i;
      r0 += a[o];
      r1 += a[o + 1];
      r2 += a[o + 2];
      r3 += a[o + 3];
      r4 += a[o + 4];
      r5 += a[o + 5];
      r6 += a[o + 6];
      r7 += a[o + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/** The 12 stats of COCOeval.summarize for `bbox`/`segm` (needs at least 3 maxDets, as pycocotools). */
export function computeStats(res: CategoryMajor, p: EvalParams): Stats {
  if (p.maxDets.length < 3) throw new Error('the 12 COCO stats need three maxDets values');
  return statSpecs(p).map((s) => meanOf(res, p, s.ap, s.iouThr, s.area, s.maxDets)) as unknown as Stats;
}

/** The 12 lines pycocotools prints, e.g. ` Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.505`. */
export function summaryText(stats: Stats, p: EvalParams): string {
  const lines = statSpecs(p).map((s, i) => {
    const title = (s.ap ? 'Average Precision' : 'Average Recall').padEnd(18);
    const type = s.ap ? '(AP)' : '(AR)';
    const iou = statIou(s, p.iouThrs);
    return ` ${title} ${type} @[ IoU=${iou.padEnd(9)} | area=${s.area.padStart(6)} | maxDets=${String(s.maxDets).padStart(3)} ] = ${formatFixed(stats[i], 3)}`;
  });
  return lines.join('\n');
}

/** The IoU a stat averages over, as pycocotools writes it: `0.50:0.95` for all thresholds, or one, `0.50`. */
export function statIou(s: StatSpec, iouThrs: readonly number[]): string {
  return s.iouThr === null ? `${formatFixed(iouThrs[0], 2)}:${formatFixed(iouThrs[iouThrs.length - 1], 2)}` : formatFixed(s.iouThr, 2);
}

/**
 * Python's `'{:.Nf}'.format(x)`: correctly rounded, with exact halves going to the even digit (where
 * JavaScript's toFixed rounds them up).
 */
export function formatFixed(x: number, digits: number): string {
  const plain = x.toFixed(digits);
  const exact = x.toFixed(Math.min(100, digits + 30));
  const tail = exact.slice(exact.length - 30);
  if (tail !== '5'.padEnd(30, '0')) return plain;
  const scaled = Math.abs(x) * 10 ** digits;
  let n = Math.floor(scaled);
  if (n % 2 === 1) n++;
  const sign = x < 0 && n > 0 ? '-' : '';
  const s = String(n).padStart(digits + 1, '0');
  return digits === 0 ? sign + s : `${sign}${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
}
