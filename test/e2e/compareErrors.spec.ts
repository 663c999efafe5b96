import { parseCocoGroundTruth, parseCocoResults } from '../../core/formats/cocoJson.js';
import { evaluateMissRateJson } from '../../core/eval/missRate/missRateEval.js';
import { tideBreakdown } from '../../core/eval/tide/tideErrors.js';
import { startComparedProject, type ComparedProject } from './comparedProject.js';
import { gtJson, resultsA, resultsB } from './twoModelsScenario.js';
import { expect, screenshotPath, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
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
