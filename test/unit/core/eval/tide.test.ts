import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tideApByThreshold, tideBreakdown, TIDE_MAIN_ERRORS, type TideInput, type TideMode } from '../../../../core/eval/tide/tideErrors.js';
import { parseCocoGroundTruth, parseCocoResults } from '../../../../core/formats/cocoJson.js';

/** What scripts/oracles/tideCases.py recorded from tidecv (AP and ΔAP ×100, as tidecv computes them). */
interface TidecvCase {
  readonly name: string;
  readonly mode: TideMode;
  readonly gt: unknown;
  readonly results: unknown;
  readonly tidecv: {
    readonly ap: number;
    readonly mainErrors: Record<string, number>;
    readonly specialErrors: { falsePos: number; falseNeg: number };
    readonly errorCounts: Record<string, number>;
    readonly detections: { detectionId: number; status: string; error: string | null; groundTruthId: number | null; duplicateOf: number | null }[];
    readonly missedGroundTruthIds: number[];
    readonly apByThreshold: number[];
  };
}

const cases = JSON.parse(readFileSync(new URL('../../../fixtures/tide/cases.json', import.meta.url), 'utf8')) as TidecvCase[];

function inputOf(c: { gt: unknown; results: unknown }): TideInput {
  const gt = parseCocoGroundTruth(c.gt);
  return { images: gt.images, groundTruth: gt.annotations, detections: parseCocoResults(c.results, gt) };
}

function expectPercent(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual * 100 - expected), `${what}: ${actual * 100} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

describe('TIDE error breakdown against tidecv (test/fixtures/tide/cases.json)', () => {
  it('holds the cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const input = inputOf(c);
    const got = tideBreakdown(input, { mode: c.mode });
    const want = c.tidecv;
    expectPercent(got.ap, want.ap, 'AP');
    for (const type of TIDE_MAIN_ERRORS) expectPercent(got.mainErrors[type], want.mainErrors[type], type);
    expectPercent(got.specialErrors.falsePos, want.specialErrors.falsePos, 'FalsePos');
    expectPercent(got.specialErrors.falseNeg, want.specialErrors.falseNeg, 'FalseNeg');
    expect(got.errorCounts).toEqual(want.errorCounts);
    expect(got.detections.map(({ iou: _iou, ...rest }) => rest)).toEqual(want.detections);
    expect(got.missedGroundTruthIds).toEqual(want.missedGroundTruthIds);
    tideApByThreshold(input, { mode: c.mode }).forEach((ap, i) => expectPercent(ap, want.apByThreshold[i], `AP at threshold ${i}`));
  });
});

describe('TIDE error breakdown by hand', () => {
  const image = { id: 1, width: 100, height: 100 };
  const gt = (id: number, bbox: [number, number, number, number], categoryId = 1) => ({
    id,
    imageId: 1,
    categoryId,
    bbox,
    area: bbox[2] * bbox[3],
    iscrowd: false,
  });
  const det = (id: number, bbox: [number, number, number, number], score: number, categoryId = 1) => ({
    id,
    imageId: 1,
    categoryId,
    score,
    bbox,
    area: bbox[2] * bbox[3],
  });

  it('one true positive, one localisation error, one background error', () => {
    // Two GT. By score: TP (recall 1/2), then two false positives. Precision is 1 up to recall 0.5, so 51 of the
    // 101 recall points (0, 0.01, ..., 0.5) read 1: AP = 51/101. Fixing the loc error (IoU 40/100 = 0.4) makes it a
    // TP: recall reaches 1 at precision 1, AP = 1, ΔLoc = 50/101. Removing the background error changes no
    // recall point. The second GT is claimed by the loc error, so it is no Miss. Dropping the unmatched GT from
    // the positives (FalseNeg) leaves one GT, found at precision 1: ΔFalseNeg = 50/101.
    const input: TideInput = {
      images: [image],
      groundTruth: [gt(1, [0, 0, 10, 10]), gt(2, [50, 50, 10, 10])],
      detections: [det(1, [0, 0, 10, 10], 0.9), det(2, [50, 50, 10, 4], 0.8), det(3, [80, 80, 5, 5], 0.7)],
    };
    const r = tideBreakdown(input);
    expect(r.ap).toBeCloseTo(51 / 101, 14);
    expect(r.mainErrors).toEqual({ cls: 0, loc: expect.closeTo(50 / 101, 14), both: 0, dupe: 0, bkg: 0, miss: 0 });
    expect(r.specialErrors.falsePos).toBeCloseTo(0, 14);
    expect(r.specialErrors.falseNeg).toBeCloseTo(50 / 101, 14);
    expect(r.errorCounts).toEqual({ cls: 0, loc: 1, both: 0, dupe: 0, bkg: 1, miss: 0 });
    expect(r.detections.map((d) => [d.status, d.error, d.groundTruthId])).toEqual([
      ['truePositive', null, 1],
      ['falsePositive', 'loc', 2],
      ['falsePositive', 'bkg', null],
    ]);
    expect(r.detections[1].iou).toBeCloseTo(0.4, 15);
    expect(r.missedGroundTruthIds).toEqual([]);
  });

  it('a category with detections and no ground truth counts as AP 0 until its background errors are fixed', () => {
    // Category 1: one TP, AP 1. Category 2: one background detection, no GT, AP 0. mAP = 1/2. Fixing Bkg
    // empties category 2, which then leaves the mean: mAP = 1, ΔBkg = 1/2.
    const input: TideInput = {
      images: [image],
      groundTruth: [gt(1, [0, 0, 10, 10])],
      detections: [det(1, [0, 0, 10, 10], 0.9), det(2, [60, 60, 10, 10], 0.5, 2)],
    };
    const r = tideBreakdown(input);
    expect(r.ap).toBe(0.5);
    expect(r.mainErrors.bkg).toBe(0.5);
  });

  it('gives 0 where tidecv would divide by zero (nothing to average)', () => {
    const r = tideBreakdown({ images: [image], groundTruth: [], detections: [] });
    expect(r.ap).toBe(0);
    expect(Object.values(r.mainErrors)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
