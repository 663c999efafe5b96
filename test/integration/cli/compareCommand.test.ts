import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPedlab } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tempDir.js';

const dir = tempDir('pedlab-compare-');
afterAll(() => dir.remove());

function writeJson(name: string, value: unknown): string {
  const path = join(dir.path, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

// Image 1: people p1 and p2; image 2: person p3 and a crowd region.
//   A finds p1 (0.9) and p3 (0.7) and raises a false alarm at [500, 0] (0.8).
//   B finds p1 (0.95) and p2 (0.6) and raises a false alarm 2 px from A's (0.5): IoU 2400/2600, shared.
// So p1 both, p2 B only, p3 A only; one shared false alarm, which both fire on at >= 0.5 with no one labelled
// there: one likely unlabelled person, ranked by B's 0.5.
const gt = writeJson('gt.json', {
  images: [
    { id: 1, width: 640, height: 480 },
    { id: 2, width: 640, height: 480 },
  ],
  categories: [{ id: 1, name: 'person' }],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 100, 100], area: 10000, iscrowd: 0 },
    { id: 2, image_id: 1, category_id: 1, bbox: [200, 0, 100, 100], area: 10000, iscrowd: 0 },
    { id: 3, image_id: 2, category_id: 1, bbox: [0, 0, 100, 100], area: 10000, iscrowd: 0 },
    { id: 4, image_id: 2, category_id: 1, bbox: [300, 300, 100, 100], area: 10000, iscrowd: 1 },
  ],
});
const a = writeJson('a.json', [
  { image_id: 1, category_id: 1, bbox: [0, 0, 100, 100], score: 0.9 },
  { image_id: 1, category_id: 1, bbox: [500, 0, 50, 50], score: 0.8 },
  { image_id: 2, category_id: 1, bbox: [0, 0, 100, 100], score: 0.7 },
]);
const b = writeJson('b.json', [
  { image_id: 1, category_id: 1, bbox: [0, 0, 100, 100], score: 0.95 },
  { image_id: 1, category_id: 1, bbox: [200, 0, 100, 100], score: 0.6 },
  { image_id: 1, category_id: 1, bbox: [502, 0, 50, 50], score: 0.5 },
]);

describe('pedlab compare', () => {
  it('prints both models’ stats, the diff, the deltas with intervals and the operating points', async () => {
    const { code, out } = await runPedlab('compare', '--gt', gt, '--a', a, '--b', b, '--resamples', '200');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^\s+A\s+B$/);
    // Stats, diff, deltas, operating points, label errors; then the TIDE table (title, header, 8 rows) and the
    // miss-rate table (title, header, 4 setups), each after a blank line.
    expect(lines).toHaveLength(1 + 12 + 1 + 2 + 1 + 1 + 3 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + (1 + 2 + 8) + (1 + 2 + 4));
    expect(out).toContain('People at IoU 0.50, score >= 0: both 1, A only 1, B only 1, neither 0');
    expect(out).toContain('False alarms: A only 0, B only 0, shared 1');
    expect(out).toContain('B - A, 95% interval (200 paired resamples over images, seed 1):');
    expect(out).toMatch(/^ {2}AP50 +[+-]\d\.\d{3} {2}\[[+-]\d\.\d{3}, [+-]\d\.\d{3}\] +(the AP50 difference is within noise|[AB] is better on AP50)$/m);
    expect(out).toMatch(/^ {2}A: best F1 0\.667 at score >= 0\.7 \(precision 0\.667, recall 0\.667\)/m);
    expect(out).toContain('Likely label errors: 1 unlabelled, 0 loose');
    expect(out).toContain('TIDE error breakdown: AP lost to each error (IoU 0.5; fractions)');
    expect(out).toContain('Log-average miss rate MR^-2 (CityPersons setups; lower is better)');
  });

  it('prints everything as JSON with --json, the same for the same seed', async () => {
    const args = ['compare', '--gt', gt, '--a', a, '--b', b, '--seed', '5', '--resamples', '100', '--json'];
    const first = await runPedlab(...args);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out);
    expect(Object.keys(report)).toEqual([
      'iouType',
      'iouThr',
      'scoreThreshold',
      'a',
      'b',
      'instances',
      'falseAlarms',
      'deltaAP',
      'deltaAP50',
      'deltaAR100',
      'bootstrap',
      'operatingPoints',
      'labelErrors',
    ]);
    expect(Object.keys(report.a.stats)).toHaveLength(12);
    // Each model's TIDE breakdown and miss rates, as pedlab eval --tide --miss-rate gives them for its file alone.
    for (const [model, file] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const single = JSON.parse((await runPedlab('eval', '--gt', gt, '--dt', file, '--tide', '--miss-rate', '--json')).out);
      expect(report[model].tide).toEqual(single.tide);
      expect(report[model].missRate).toEqual(single.missRate);
    }
    expect(report.instances).toEqual({ both: 1, aOnly: 1, bOnly: 1, neither: 0 });
    expect(report.falseAlarms).toEqual({ aOnly: 0, bOnly: 0, shared: 1 });
    expect(report.deltaAP50.value).toBeCloseTo(report.b.stats.AP50 - report.a.stats.AP50, 12);
    expect(report.deltaAP.ci95).toHaveLength(2);
    expect(report.bootstrap).toMatchObject({ seed: 5, resamples: 100 });
    expect(report.operatingPoints.b.bestF1).toMatchObject({ scoreThreshold: 0.6, tp: 2, fp: 0 });
    expect(report.operatingPoints.a.atFalseAlarmRate).toMatchObject({ scoreThreshold: 0.9, fp: 0 });
    expect(report.labelErrors).toEqual([expect.objectContaining({ kind: 'unlabelled', imageId: 1, box: [500, 0, 50, 50], rankScore: 0.5 })]);
    expect((await runPedlab(...args)).out).toBe(first.out);
  });

  it('diffs at the IoU and score thresholds asked for', async () => {
    // At score 0.65 B's find of p2 (0.6) and its false alarm (0.5) no longer count.
    const { out } = await runPedlab('compare', '--gt', gt, '--a', a, '--b', b, '--score', '0.65', '--resamples', '10', '--json');
    const report = JSON.parse(out);
    expect(report.instances).toEqual({ both: 1, aOnly: 1, bOnly: 0, neither: 1 });
    expect(report.falseAlarms).toEqual({ aOnly: 1, bOnly: 0, shared: 0 });
  });

  it('answers usage errors with exit code 2 and the usage', async () => {
    const missing = await runPedlab('compare', '--gt', gt, '--a', a);
    expect(missing).toMatchObject({ code: 2, err: expect.stringMatching(/^pedlab compare: --gt, --a and --b are required[\s\S]*usage: pedlab compare/) });
    expect((await runPedlab('compare', '--gt', gt, '--a', a, '--b', b, '--iou', '0.42')).err).toMatch(
      /--iou must be one of 0\.50, 0\.55, .*0\.95, got "0\.42"/,
    );
    expect((await runPedlab('compare', '--gt', gt, '--a', a, '--b', b, '--resamples', '0')).code).toBe(2);
    expect((await runPedlab('compare', '--gt', gt, '--a', a, '--b', b, '--score', 'high')).err).toMatch(/--score must be a number/);
    expect((await runPedlab('compare', '--gt', gt, '--a', a, '--b', b, '--iou-type', 'keypoints')).code).toBe(2);
    expect((await runPedlab('compare', '--bogus')).code).toBe(2);
    expect((await runPedlab('compare', '--help')).out).toMatch(/^usage: pedlab compare/);
  });
});
