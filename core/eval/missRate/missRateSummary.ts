import type { MissRateReport } from './missRateEval.js';
import { MISS_RATE_SETUPS, type MissRateSetupName } from './setups.js';

/** MR⁻² per setup as `pedlab eval --miss-rate` and the reports write it: fractions, null where nothing is to be found. */
export type MissRateSummary = Record<MissRateSetupName, number | null>;

export function missRateSummary(report: MissRateReport): MissRateSummary {
  return Object.fromEntries(MISS_RATE_SETUPS.map((s) => [s.name, report[s.name].logAverageMissRate])) as MissRateSummary;
}
