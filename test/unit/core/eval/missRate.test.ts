import { describe, expect, it } from 'vitest';
import type { Box, ImageId } from '../../../../core/eval/types.js';
import type { MissRateDetection } from '../../../../core/eval/missRate/imageMatching.js';
import { evaluateMissRate, evaluateMissRateSetup, type MissRateResult } from '../../../../core/eval/missRate/missRateEval.js';
import type { MissRateGroundTruth, PedestrianGroundTruth } from '../../../../core/eval/missRate/missRateGroundTruth.js';
import { MISS_RATE_SETUPS, type MissRateSetupName } from '../../../../core/eval/missRate/setups.js';

// Hand-made cases for CityPersons' miss-rate rules. Boxes are [x, y, w, h]; a pedestrian box 50 wide and 100
// high is "reasonable" (height ≥ 50, visibility 1 unless stated). Miss rates are read at the nine FPPI points
// 0.01, 0.0178, 0.0316, 0.0562, 0.1, 0.1778, 0.3162, 0.5623, 1; MR⁻² is the geometric mean of the nine.

class Scene {
  private readonly imageIds: ImageId[] = [];
  private readonly annotations: PedestrianGroundTruth[] = [];
  private readonly detections: MissRateDetection[] = [];
  private nextId = 1;

  images(...ids: ImageId[]): this {
    this.imageIds.push(...ids);
    return this;
  }

  gt(imageId: ImageId, bbox: Box, extra: Partial<PedestrianGroundTruth> = {}): this {
    this.annotations.push({ id: this.nextId++, imageId, categoryId: 1, bbox, height: bbox[3], visibility: 1, ignore: false, ...extra });
    return this;
  }

  dt(imageId: ImageId, bbox: Box, score: number, categoryId = 1): this {
    this.detections.push({ imageId, categoryId, bbox, score });
    return this;
  }

  groundTruth(): MissRateGroundTruth {
    return { imageIds: this.imageIds, annotations: this.annotations };
  }

  evaluate(setup: MissRateSetupName = 'reasonable'): MissRateResult {
    return evaluateMissRateSetup(
      this.groundTruth(),
      this.detections,
      MISS_RATE_SETUPS.find((s) => s.name === setup)!,
    );
  }

  evaluateAll(): ReturnType<typeof evaluateMissRate> {
    return evaluateMissRate(this.groundTruth(), this.detections);
  }
}

/** The geometric mean of miss rates given as [miss rate, how many of the nine points] pairs. */
function geometricMean(parts: readonly (readonly [number, number])[]): number {
  return Math.exp(parts.reduce((s, [m, k]) => s + k * Math.log(m), 0) / 9);
}

const missRates = (r: MissRateResult): number[] => r.samples.map((s) => s.missRate);

/** A box 50 × 100 at x, far from the others: detections there overlap nothing else. */
const at = (x: number): Box => [x, 0, 50, 100];

describe('miss rate: the curve and its nine samples', () => {
  it('gives MR 0 for a perfect detection: a miss rate of 0 at any point makes the mean 0', () => {
    const r = new Scene().images(1).gt(1, at(0)).dt(1, at(0), 0.9).evaluate();
    expect(r.curve).toEqual([{ fppi: 0, missRate: 0 }]);
    expect(missRates(r)).toEqual(Array(9).fill(0));
    expect(r.logAverageMissRate).toBe(0);
  });

  it('divides false positives by every image in the file, those with nothing in them too', () => {
    // Images 1..4; only 1 has ground truth (three), image 2 has a false positive, 3 and 4 are empty.
    // Entries by score: TP (fppi 0, recall 1/3), FP (1/4, 1/3), TP (1/4, 2/3).
    // Points below 0.25 (six of them) read recall 1/3, the last three read 2/3:
    // MR = (2/3)^(6/9) · (1/3)^(3/9). Dividing by the two evaluated images instead would put the FP at 0.5.
    const s = new Scene().images(1, 2, 3, 4);
    s.gt(1, at(0)).gt(1, at(100)).gt(1, at(200));
    s.dt(1, at(0), 0.9).dt(2, at(0), 0.8).dt(1, at(100), 0.7);
    const r = s.evaluate();
    expect(r.curve).toEqual([
      { fppi: 0, missRate: 1 - 1 / 3 },
      { fppi: 0.25, missRate: 1 - 1 / 3 },
      { fppi: 0.25, missRate: 1 - 2 / 3 },
    ]);
    expect(missRates(r)).toEqual([...Array(6).fill(1 - 1 / 3), ...Array(3).fill(1 - 2 / 3)]);
    expect(r.logAverageMissRate).toBeCloseTo(
      geometricMean([
        [2 / 3, 6],
        [1 / 3, 3],
      ]),
      14,
    );
    // Images 3 and 4 have neither ground truth nor detections: skipped, yet counted in the FPPI.
    expect(r.counts).toMatchObject({ images: 4, evaluatedImages: 2, groundTruths: 3, truePositives: 2, falsePositives: 1 });
  });

  it('reads the LAST recall at a point that the first detection is already past', () => {
    // Two images, three ground truths. Entries: FP (0.5, 0), TP (0.5, 1/3), FP (1, 1/3), TP (1, 2/3).
    // The seven points below 0.5: no entry has fppi ≤ f, index −1, the last recall 2/3 (miss 1/3).
    // 0.5623: two entries qualify, recall 1/3 (miss 2/3). 1: all four, recall 2/3 (miss 1/3).
    const s = new Scene().images(1, 2);
    s.gt(1, at(0)).gt(1, at(100)).gt(1, at(200));
    s.dt(2, at(0), 0.9).dt(1, at(0), 0.8).dt(2, at(100), 0.7).dt(1, at(100), 0.6);
    const r = s.evaluate();
    expect(missRates(r)).toEqual([...Array(7).fill(1 - 2 / 3), 1 - 1 / 3, 1 - 2 / 3]);
    expect(r.logAverageMissRate).toBeCloseTo(
      geometricMean([
        [1 / 3, 8],
        [2 / 3, 1],
      ]),
      14,
    );
  });

  it('counts an FPPI exactly equal to a point as reached', () => {
    // 100 images, one false positive then one true positive of two ground truths: entries (0.01, 0), (0.01, 1/2).
    // Every point is ≥ 0.01, so every point reads recall 1/2.
    const s = new Scene().images(...Array.from({ length: 100 }, (_, i) => i + 1));
    s.gt(1, at(0)).gt(1, at(100));
    s.dt(1, at(300), 0.9).dt(1, at(0), 0.8);
    const r = s.evaluate();
    expect(missRates(r)).toEqual(Array(9).fill(0.5));
    expect(r.logAverageMissRate).toBeCloseTo(0.5, 15);
  });

  it('gives miss rate 1 at every point when no detection is left', () => {
    const r = new Scene().images(1).gt(1, at(0)).evaluate();
    expect(r.curve).toEqual([]);
    expect(missRates(r)).toEqual(Array(9).fill(1));
    expect(r.logAverageMissRate).toBe(1);
  });

  it('is absent (null) when the setup leaves nothing to find', () => {
    // Height 40 is below every setup but All (≥ 20); the detection on it is absorbed there.
    const s = new Scene().images(1).gt(1, [0, 0, 20, 40]).dt(1, [0, 0, 20, 40], 0.9);
    const all = s.evaluateAll();
    for (const name of ['reasonable', 'small', 'heavy'] as const) {
      expect(all[name].logAverageMissRate).toBeNull();
      expect(all[name].samples).toEqual([]);
      expect(all[name].counts.groundTruths).toBe(0);
    }
    // All: visibility 1 is within [0.2, 1e10], height 40 within [20, 1e10]: a true positive.
    expect(all.all.logAverageMissRate).toBe(0);
  });

  it('pools the images in id order, so equal scores across images go by image id, not file order', () => {
    // Images listed as [2, 1]. Image 1 has a false positive, image 2 three ground truths and two true
    // positives, all at score 0.5 but the last TP (0.4). Image 1 first: FP (0.5, 0), TP (0.5, 1/3), TP (0.5, 2/3):
    // the seven points below 0.5 take the last recall 2/3, the other two 2/3: MR = 1/3.
    // File order would put the TP first, (0, 1/3), and give (2/3)^(7/9) · (1/3)^(2/9).
    const s = new Scene().images(2, 1);
    s.gt(2, at(0)).gt(2, at(100)).gt(2, at(200));
    s.dt(1, at(0), 0.5).dt(2, at(0), 0.5).dt(2, at(100), 0.4);
    const r = s.evaluate();
    expect(r.curve.map((p) => p.fppi)).toEqual([0.5, 0.5, 0.5]);
    expect(missRates(r)).toEqual(Array(9).fill(1 - 2 / 3));
    expect(r.logAverageMissRate).toBeCloseTo(1 / 3, 15);
  });

  it('scores only category 1', () => {
    // The category 2 detection would be a false positive and its ground truth a miss; both take no part.
    const s = new Scene().images(1).gt(1, at(0)).dt(1, at(0), 0.9).dt(1, at(200), 0.95, 2);
    s.gt(1, at(400), { categoryId: 2 });
    const r = s.evaluate();
    expect(r.logAverageMissRate).toBe(0);
    expect(r.counts).toMatchObject({ groundTruths: 1, detections: 1, falsePositives: 0 });
  });
});
