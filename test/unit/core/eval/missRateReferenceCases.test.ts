import { describe, expect, it } from 'vitest';
import { evaluateMissRateJson } from '../../../../core/eval/missRate/missRateEval.js';
import type { MissRateSetupName } from '../../../../core/eval/missRate/setups.js';
import { missRateScene } from '../../../helpers/missRateScenes.js';

// Seeded random scenes (test/helpers/missRateScenes.ts) scored by CityPersons' evaluator (eval_MR_multisetup.py's
// evaluate, accumulate and summarize under numpy). Per setup: MR⁻² (null where the evaluator gives −1, nothing to
// find), the number of curve points (detections not ignored) and the nine sampled miss rates as [value, how many
// points in a row]. Seed 8 adds an image with more than 1000 detections.
//
// The sampled miss rates must be identical. MR⁻² may differ in the last bit: numpy's vectorised exp is not
// always rounded as the C library's (and JavaScript's) is.

interface Expected {
  readonly mr: number | null;
  readonly points: number;
  readonly missRates: readonly (readonly [number, number])[];
}

// One seed's four setups to a block, one setup to a line.
// prettier-ignore
const CASES: readonly { seed: number; crowdedImage?: boolean; setups: Record<MissRateSetupName, Expected> }[] = [
  { seed: 1, setups: {
    reasonable: { mr: 0.3968502629920499, points: 40, missRates: [[0.125, 4], [1.0, 5]] },
    small: { mr: 0.0, points: 27, missRates: [[0.0, 4], [1.0, 4], [0.5, 1]] },
    heavy: { mr: 0.8880532001299202, points: 38, missRates: [[0.9090909090909091, 7], [0.8181818181818181, 2]] },
    all: { mr: 0.8879788766953455, points: 59, missRates: [[0.9166666666666666, 5], [0.875, 3], [0.7916666666666666, 1]] },
  } },
  { seed: 2, setups: {
    reasonable: { mr: 0.5039087065050732, points: 32, missRates: [[0.2727272727272727, 4], [1.0, 2], [0.8181818181818181, 1], [0.7272727272727273, 1], [0.6363636363636364, 1]] },
    small: { mr: 0.49636510823936975, points: 16, missRates: [[0.33333333333333337, 4], [1.0, 2], [0.6666666666666667, 2], [0.33333333333333337, 1]] },
    heavy: { mr: 0.5651517330324349, points: 37, missRates: [[0.3846153846153846, 4], [0.9230769230769231, 2], [0.8461538461538461, 1], [0.6923076923076923, 1], [0.5384615384615384, 1]] },
    all: { mr: 0.4952570037042178, points: 65, missRates: [[0.27586206896551724, 4], [0.9655172413793104, 1], [0.9310344827586207, 1], [0.896551724137931, 1], [0.6551724137931034, 1], [0.5862068965517242, 1]] },
  } },
  { seed: 3, setups: {
    reasonable: { mr: 0.6589724364101408, points: 41, missRates: [[0.5, 4], [1.0, 1], [0.9375, 1], [0.875, 1], [0.8125, 1], [0.5625, 1]] },
    small: { mr: 0.5970070144145702, points: 24, missRates: [[0.4444444444444444, 4], [1.0, 3], [0.5555555555555556, 1], [0.4444444444444444, 1]] },
    heavy: { mr: 0.7952609844763027, points: 36, missRates: [[0.9090909090909091, 7], [0.5454545454545454, 1], [0.4545454545454546, 1]] },
    all: { mr: 0.8752368161439891, points: 71, missRates: [[0.9487179487179487, 5], [0.9230769230769231, 1], [0.8974358974358975, 1], [0.7692307692307692, 1], [0.6153846153846154, 1]] },
  } },
  { seed: 4, setups: {
    reasonable: { mr: 0.5627293962573469, points: 42, missRates: [[0.33333333333333337, 4], [1.0, 3], [0.9166666666666666, 1], [0.5, 1]] },
    small: { mr: 0.560808668693256, points: 24, missRates: [[0.33333333333333337, 4], [1.0, 3], [0.6666666666666667, 2]] },
    heavy: { mr: 0.8878084873878115, points: 52, missRates: [[0.9444444444444444, 6], [0.8888888888888888, 2], [0.6111111111111112, 1]] },
    all: { mr: 0.9083679054549758, points: 71, missRates: [[0.9714285714285714, 6], [0.9428571428571428, 1], [0.8857142857142857, 1], [0.6, 1]] },
  } },
  { seed: 5, setups: {
    reasonable: { mr: 0.5927456186230733, points: 30, missRates: [[0.4285714285714286, 4], [0.8571428571428572, 2], [0.7142857142857143, 3]] },
    small: { mr: 0.0, points: 25, missRates: [[0.0, 4], [0.5, 5]] },
    heavy: { mr: 0.279375509213377, points: 38, missRates: [[0.09999999999999998, 4], [0.9, 1], [0.8, 1], [0.6, 2], [0.4, 1]] },
    all: { mr: 0.8448014054614976, points: 56, missRates: [[0.9583333333333334, 4], [0.9166666666666666, 2], [0.7916666666666666, 1], [0.625, 2]] },
  } },
  { seed: 6, setups: {
    reasonable: { mr: 0.7002817048249432, points: 32, missRates: [[0.5, 4], [1.0, 2], [0.9, 2], [0.8, 1]] },
    small: { mr: 0.41997368329829116, points: 19, missRates: [[0.33333333333333337, 4], [0.6666666666666667, 3], [0.33333333333333337, 2]] },
    heavy: { mr: 0.6565891052804661, points: 30, missRates: [[0.5, 4], [0.9, 2], [0.8, 2], [0.7, 1]] },
    all: { mr: 0.7005619293918671, points: 48, missRates: [[0.5, 4], [0.9545454545454546, 2], [0.9090909090909091, 2], [0.8636363636363636, 1]] },
  } },
  { seed: 7, setups: {
    reasonable: { mr: 0.5094683831832174, points: 17, missRates: [[0.4285714285714286, 5], [0.8571428571428572, 1], [0.5714285714285714, 3]] },
    small: { mr: 0.0, points: 13, missRates: [[0.5, 5], [0.0, 4]] },
    heavy: { mr: 0.5616536976998874, points: 14, missRates: [[0.75, 6], [0.5, 1], [0.25, 2]] },
    all: { mr: 0.8822384501475066, points: 30, missRates: [[0.9473684210526316, 6], [0.8421052631578947, 2], [0.631578947368421, 1]] },
  } },
  { seed: 8, crowdedImage: true, setups: {
    reasonable: { mr: 0.7983099140989357, points: 726, missRates: [[0.6666666666666667, 5], [1.0, 4]] },
    small: { mr: 0.6803950000871885, points: 525, missRates: [[0.5, 5], [1.0, 4]] },
    heavy: { mr: 0.46293735614364523, points: 728, missRates: [[0.25, 5], [1.0, 4]] },
    all: { mr: 0.6010660762800317, points: 965, missRates: [[0.4, 5], [1.0, 4]] },
  } },
];

const expand = (runs: Expected['missRates']): number[] => runs.flatMap(([v, k]) => Array<number>(k).fill(v));

describe("miss rate: seeded scenes scored by CityPersons' evaluator", () => {
  for (const { seed, crowdedImage, setups } of CASES) {
    it(`scene ${seed}`, () => {
      const { gt, dt } = missRateScene(seed, { crowdedImage });
      const report = evaluateMissRateJson(gt, dt);
      for (const [name, want] of Object.entries(setups) as [MissRateSetupName, Expected][]) {
        const got = report[name];
        expect(got.curve.length, name).toBe(want.points);
        expect(
          got.samples.map((s) => s.missRate),
          name,
        ).toEqual(expand(want.missRates));
        if (want.mr === null) expect(got.logAverageMissRate, name).toBeNull();
        else expect(Math.abs(got.logAverageMissRate! - want.mr), name).toBeLessThanOrEqual(2e-16);
      }
    });
  }
});
