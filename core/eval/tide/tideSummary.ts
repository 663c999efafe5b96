import { TIDE_MAIN_ERRORS, type TideBreakdown, type TideMainError } from './tideErrors.js';

/** tidecv's names of the main errors, as its tables print them. */
export const TIDE_MAIN_LABELS: Readonly<Record<TideMainError, string>> = { cls: 'Cls', loc: 'Loc', both: 'Both', dupe: 'Dupe', bkg: 'Bkg', miss: 'Miss' };

/** What each error is, in words, for tooltips and report legends. */
export const TIDE_ERROR_MEANINGS: Readonly<Record<TideMainError | 'falsePos' | 'falseNeg', string>> = {
  cls: 'right place (IoU ≥ 0.5), wrong category',
  loc: 'right category, box off (0.1 ≤ IoU < 0.5)',
  both: 'wrong category and box off',
  dupe: 'a second detection of a person already found',
  bkg: 'fired on background (IoU ≤ 0.1 with everything)',
  miss: 'a person no detection covers',
  falsePos: 'all false positives together',
  falseNeg: 'all missed people together',
};

/** A TIDE breakdown as `pedlab eval --tide` and the reports write it: ΔAP fractions under tidecv's names. */
export interface TideSummary {
  main: Record<'Cls' | 'Loc' | 'Both' | 'Dupe' | 'Bkg' | 'Miss', number>;
  special: { FalsePos: number; FalseNeg: number };
}

export function tideSummary(breakdown: TideBreakdown): TideSummary {
  const main = Object.fromEntries(TIDE_MAIN_ERRORS.map((e) => [TIDE_MAIN_LABELS[e], breakdown.mainErrors[e]])) as TideSummary['main'];
  return { main, special: { FalsePos: breakdown.specialErrors.falsePos, FalseNeg: breakdown.specialErrors.falseNeg } };
}
