import { parseCocoGroundTruth, parseCocoResults } from '../../core/formats/cocoJson.js';
import { evaluateMissRateJson } from '../../core/eval/missRate/missRateEval.js';
import { tideBreakdown } from '../../core/eval/tide/tideErrors.js';
import { startComparedProject, type ComparedProject } from './comparedProject.js';
import { expect, screenshotPath, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
const gtJson = {
  images: [1, 2, 3].map((id) => ({ id, file_name: `f${id}.png`, width: 400, height: 300 })),
  categories: [{ id: 1, name: 'pedestrian' }],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: [20, 40, 40, 120], area: 4800, iscrowd: 0 },
    { id: 2, image_id: 1, category_id: 1, bbox: [200, 60, 50, 150], area: 7500, iscrowd: 0 },
    { id: 3, image_id: 2, category_id: 1, bbox: [100, 50, 45, 140], area: 6300, iscrowd: 0 },
    { id: 4, image_id: 3, category_id: 1, bbox: [300, 80, 40, 110], area: 4400, iscrowd: 0 },
  ],
};
// A: finds three, one of them badly placed, and fires once on background. B: finds all four, twice one of them.
const resultsA = [
  { image_id: 1, category_id: 1, bbox: [21, 41, 40, 118], score: 0.95 },
  { image_id: 1, category_id: 1, bbox: [230, 90, 50, 150], score: 0.8 },
  { image_id: 2, category_id: 1, bbox: [100, 52, 45, 138], score: 0.9 },
  { image_id: 3, category_id: 1, bbox: [10, 10, 40, 100], score: 0.7 },
];
const resultsB = [
  { image_id: 1, category_id: 1, bbox: [20, 40, 41, 121], score: 0.9 },
  { image_id: 1, category_id: 1, bbox: [201, 61, 50, 149], score: 0.85 },
  { image_id: 1, category_id: 1, bbox: [199, 58, 52, 152], score: 0.8 },
  { image_id: 2, category_id: 1, bbox: [101, 50, 45, 141], score: 0.88 },
  { image_id: 3, category_id: 1, bbox: [300, 81, 40, 108], score: 0.75 },
];

let project: ComparedProject;
test.beforeAll(async () => {
  project = await startComparedProject('compare-errors', gtJson, [
    ['Model A', resultsA],
    ['Model B', resultsB],
  ]);
  app = project.app;
});
test.afterAll(() => project.close());

test('the Errors tab shows both models’ TIDE breakdown and miss rates, equal to the core on the same files', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('tab', { name: 'Errors' }).click();
  const tide = page.getByTestId('tide-table');
  await expect(tide).toBeVisible();
  const truth = parseCocoGroundTruth(gtJson, { segmentations: false });
  const expected = [resultsA, resultsB].map((r) =>
    tideBreakdown({ images: truth.images, groundTruth: truth.annotations, detections: parseCocoResults(r, truth) }),
  );
  for (const [row, key] of [
    ['Loc', 'loc'],
    ['Dupe', 'dupe'],
    ['Bkg', 'bkg'],
    ['Miss', 'miss'],
  ] as const) {
    await expect(tide.getByRole('row', { name: row, exact: false }).first().locator('.bar-value')).toHaveText(
      expected.map((e) => e.mainErrors[key].toFixed(3)),
    );
  }
  expect(expected[0].mainErrors.loc).toBeGreaterThan(0);
  expect(expected[1].mainErrors.dupe).toBeGreaterThan(0);
  const missRates = [resultsA, resultsB].map((r) => evaluateMissRateJson(gtJson, r).reasonable.logAverageMissRate!.toFixed(3));
  await expect(page.getByTestId('miss-rate-table').locator('tr[data-setup="reasonable"] td')).toHaveText(missRates);
  await page.screenshot({ path: screenshotPath('compare-errors') });
  expect(problems).toEqual([]);
});
