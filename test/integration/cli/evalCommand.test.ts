import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateMissRateJson } from '../../../core/eval/missRate/missRateEval.js';
import { missRateSummary } from '../../../core/eval/missRate/missRateSummary.js';
import { tideBreakdown } from '../../../core/eval/tide/tideErrors.js';
import { tideSummary } from '../../../core/eval/tide/tideSummary.js';
import { parseCocoGroundTruth, parseCocoResults } from '../../../core/formats/cocoJson.js';
import { evalCommand } from '../../../main/cli/commands/evalCommand.js';
import { describeShared, sharedPath } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';

/** Runs the command, returning its exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await evalCommand.run(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const dir = tempDir('pedlab-eval-');
afterAll(() => dir.remove());

function writeJson(name: string, value: unknown): string {
  const path = join(dir.path, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const gtFile = () =>
  writeJson('gt.json', {
    images: [{ id: 1, width: 100, height: 100 }],
    categories: [{ id: 1, name: 'person' }],
    annotations: [
      { id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 10, 10], area: 100, iscrowd: 0 },
      { id: 2, image_id: 1, category_id: 1, bbox: [50, 50, 40, 40], area: 1600, iscrowd: 0 },
    ],
  });
const dtFile = () =>
  writeJson('dt.json', [
    { image_id: 1, category_id: 1, bbox: [0, 0, 10, 10], score: 0.9 },
    { image_id: 1, category_id: 1, bbox: [20, 20, 10, 10], score: 0.8 },
  ]);

describe('pedlab eval', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the 12-line summary', async () => {
    const { code, out } = await run(['--gt', gtFile(), '--dt', dtFile(), '--iou-type', 'bbox']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(12);
    // One of two found, first: precision 1 up to recall 0.5, i.e. at 51 of the 101 recall levels.
    expect(lines[0]).toBe(' Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.505');
    expect(lines[4]).toBe(' Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = 0.000');
    expect(lines[5]).toBe(' Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = -1.000');
  });

  it('prints stats and parameters as JSON with --json', async () => {
    const { code, out } = await run(['--gt', gtFile(), '--dt', dtFile(), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.iouType).toBe('bbox');
    expect(Object.keys(report.stats)).toEqual([
      'AP',
      'AP50',
      'AP75',
      'APsmall',
      'APmedium',
      'APlarge',
      'AR1',
      'AR10',
      'AR100',
      'ARsmall',
      'ARmedium',
      'ARlarge',
    ]);
    expect(report.stats.AP).toBeCloseTo(51 / 101, 12);
    expect(report.stats.APlarge).toBe(-1);
    expect(report.params.iouThrs).toHaveLength(10);
    expect(report.params.maxDets).toEqual([1, 10, 100]);
    expect(report.params.imgIds).toEqual([1]);
    expect(report.counts).toEqual({ images: 1, categories: 1, groundTruth: 2, detections: 2 });
  });

  it('answers usage errors with exit code 2', async () => {
    const missing = await run(['--gt', gtFile()]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--gt and --dt are required/);
    expect((await run(['--gt', 'a', '--dt', 'b', '--iou-type', 'keypoints'])).err).toMatch(/--iou-type must be bbox or segm/);
    expect((await run(['--bogus'])).code).toBe(2);
    expect(await run(['--gt', 'a', '--dt', 'b', '--map', 'person'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^pedlab eval: --map: each pair must be FROM=TO, got "person"/),
    });
    expect((await run(['--help'])).out).toMatch(/usage: pedlab eval/);
  });

  it('fails with a message naming the file or record', async () => {
    await expect(run(['--gt', join(dir.path, 'nope.json'), '--dt', dtFile()])).rejects.toThrow(/cannot read ground truth .*nope.json/);
    const broken = writeJson('broken.json', {
      images: [{ id: 1 }],
      categories: [{ id: 1 }],
      annotations: [{ id: 4, image_id: 1, category_id: 1, bbox: [0, 0], area: 1 }],
    });
    await expect(run(['--gt', broken, '--dt', dtFile()])).rejects.toThrow(`${broken}: annotations[0] (id 4): bbox must be 4 numbers`);
    const notJson = join(dir.path, 'not.json');
    writeFileSync(notJson, '{ nope');
    await expect(run(['--gt', gtFile(), '--dt', notJson])).rejects.toThrow(/not.json: not a JSON file: the text stops being JSON at line 1, column 3$/);
    const elsewhere = writeJson('elsewhere.json', [{ image_id: 3, category_id: 1, bbox: [0, 0, 1, 1], score: 1 }]);
    await expect(run(['--gt', gtFile(), '--dt', elsewhere])).rejects.toThrow(`${elsewhere}: results[0]: image_id 3 is not in the ground truth images`);
  });

  it('evaluates boxes whatever the segmentations hold, and names a bad polygon for segm', async () => {
    const gt = writeJson('gt-bad-polygon.json', {
      images: [{ id: 1, width: 100, height: 100 }],
      categories: [{ id: 1, name: 'person' }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 10, 10], area: 100, iscrowd: 0, segmentation: [[0, 0, 10, 0, 10, 10]] },
        { id: 17, image_id: 1, category_id: 1, bbox: [50, 50, 40, 40], area: 1600, iscrowd: 0, segmentation: [[50, 50, 90, 90]] },
      ],
    });
    const dt = writeJson('dt-bad-polygon.json', [{ image_id: 1, category_id: 1, bbox: [0, 0, 10, 10], score: 0.9, segmentation: [[1, 2]] }]);
    const boxes = await run(['--gt', gt, '--dt', dt, '--iou-type', 'bbox', '--json']);
    expect(boxes.code).toBe(0);
    expect(JSON.parse(boxes.out).stats.AP).toBeCloseTo(51 / 101, 12);
    await expect(run(['--gt', gt, '--dt', dt, '--iou-type', 'segm'])).rejects.toThrow(
      `${gt}: annotations[1] (id 17): segmentation[0] has 2 points (4 numbers); a polygon needs at least 3 points (6 numbers)`,
    );
  });

  it('warns when the results share no category with the ground truth, and maps one onto another with --map', async () => {
    const pedestrians = writeJson('dt-pedestrian.json', [
      { image_id: 1, category_id: 2, bbox: [0, 0, 10, 10], score: 0.9 },
      { image_id: 1, category_id: 2, bbox: [20, 20, 10, 10], score: 0.8 },
    ]);
    const unmapped = await run(['--gt', gtFile(), '--dt', pedestrians, '--json']);
    const warning =
      "the ground truth and the results share no category: the results' category ids (2) are none of the ground truth's (1 person), " +
      'so nothing can match; --map FROM=TO reads results category FROM as ground-truth category TO';
    expect(unmapped.err).toBe(`pedlab eval: warning: ${warning}`);
    expect(JSON.parse(unmapped.out).warnings).toEqual([warning]);
    for (const map of ['2=person', '2=1']) {
      const mapped = await run(['--gt', gtFile(), '--dt', pedestrians, '--map', map, '--json']);
      expect(mapped.err).toBe('');
      const report = JSON.parse(mapped.out);
      expect(report.warnings).toEqual([]);
      expect(report.stats.AP).toBeCloseTo(51 / 101, 12);
    }
    await expect(run(['--gt', gtFile(), '--dt', pedestrians, '--map', '2=pedestrian'])).rejects.toThrow(
      '--map: "pedestrian" is not a ground-truth category (1 person)',
    );
    await expect(run(['--gt', gtFile(), '--dt', pedestrians, '--map', '3=person'])).rejects.toThrow('--map: "3" is not a category_id of the results (2)');
  });
});

describeShared('pedlab eval on the cocoapi fake100 results', () => {
  const data = (name: string) => sharedPath('data', 'coco_cases', 'cocoapi_fake100', name);

  it.each([
    [
      'bbox',
      'instances_val2014_fakebbox100_results.json',
      ['0.505', '0.697', '0.573', '0.586', '0.519', '0.501', '0.387', '0.594', '0.595', '0.640', '0.566', '0.564'],
    ],
    [
      'segm',
      'instances_val2014_fakesegm100_results.json',
      ['0.320', '0.562', '0.299', '0.387', '0.310', '0.327', '0.268', '0.415', '0.417', '0.469', '0.377', '0.381'],
    ],
  ])('prints what pycocotools printed (%s)', async (iouType, results, values) => {
    const { code, out } = await run(['--gt', data('instances_val2014_100.json'), '--dt', data(results), '--iou-type', iouType]);
    expect(code).toBe(0);
    expect(out.split('\n').map((l) => l.slice(l.lastIndexOf('= ') + 2))).toEqual(values);
  });
});

describe('pedlab eval --tide --miss-rate', () => {
  afterEach(() => vi.restoreAllMocks());

  // Two pedestrians 100 px tall on one image; the first found first, then a false alarm.
  const tallGt = () =>
    writeJson('tall-gt.json', {
      images: [{ id: 1, width: 400, height: 200 }],
      categories: [{ id: 1, name: 'pedestrian' }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [10, 10, 40, 100], area: 4000, iscrowd: 0 },
        { id: 2, image_id: 1, category_id: 1, bbox: [200, 10, 40, 100], area: 4000, iscrowd: 0, vis_ratio: 0.9 },
      ],
    });
  const tallDt = () =>
    writeJson('tall-dt.json', [
      { image_id: 1, category_id: 1, bbox: [10, 10, 40, 100], score: 0.9 },
      { image_id: 1, category_id: 1, bbox: [300, 50, 40, 100], score: 0.8 },
    ]);

  it('adds the TIDE breakdown and the miss rates to --json, as the cores compute them on the same files', async () => {
    const [gt, dt] = [tallGt(), tallDt()];
    const { code, out } = await run(['--gt', gt, '--dt', dt, '--tide', '--miss-rate', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { tide: unknown; missRate: Record<string, number | null> };
    const [gtJson, dtJson] = [gt, dt].map((f) => JSON.parse(readFileSync(f, 'utf8')));
    const truth = parseCocoGroundTruth(gtJson, { segmentations: false });
    expect(report.tide).toEqual(
      tideSummary(tideBreakdown({ images: truth.images, groundTruth: truth.annotations, detections: parseCocoResults(dtJson, truth) })),
    );
    expect(report.missRate).toEqual(missRateSummary(evaluateMissRateJson(gtJson, dtJson)));
    // Half the people are found before the only false alarm (FPPI 1): a miss rate of 0.5 at every point.
    expect(report.missRate.reasonable).toBeCloseTo(0.5, 12);
    expect(JSON.parse((await run(['--gt', gt, '--dt', dt, '--json'])).out)).not.toHaveProperty('tide');
  });

  it('prints both tables after the 12-line summary', async () => {
    const { code, out } = await run(['--gt', tallGt(), '--dt', tallDt(), '--tide', '--miss-rate']);
    expect(code).toBe(0);
    expect(out).toContain('TIDE error breakdown: AP lost to each error (IoU 0.5; fractions)');
    expect(out).toMatch(/ {2}Loc +\d\.\d{3}/);
    expect(out).toContain('Log-average miss rate MR^-2');
    expect(out).toMatch(/Reasonable \(≥ 50 px, ≥ 65% visible\) +0\.500/);
  });
});
