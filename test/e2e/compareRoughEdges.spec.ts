import { pedestrianGroundTruth, pedestrianResults, startComparedProject, type ComparedProject } from './comparedProject.js';
import { expect, screenshotPath, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
const gtJson = pedestrianGroundTruth(3, [
  [1, [20, 40, 40, 120]],
  [2, [100, 50, 45, 140]],
  [2, [250, 60, 45, 140]],
  [3, [300, 80, 40, 110]],
]);
// A finds everyone; B misses both people of f2, so f2 is where they disagree most, then f1 and f3 (no gap).
const resultsA = pedestrianResults([
  [1, [20, 40, 40, 120], 0.9],
  [2, [100, 50, 45, 140], 0.9],
  [2, [250, 60, 45, 140], 0.9],
  [3, [300, 80, 40, 110], 0.9],
]);
const resultsB = pedestrianResults([
  [1, [20, 40, 40, 120], 0.9],
  [3, [300, 80, 40, 110], 0.9],
]);

let project: ComparedProject;
test.beforeAll(async () => {
  project = await startComparedProject('compare-edges', gtJson, [
    ['Finds all', resultsA],
    ['Misses two', resultsB],
    ['Never run', []],
  ]);
  app = project.app;
});
test.afterAll(() => project.close());

const listed = (page: import('@playwright/test').Page) =>
  page.getByTestId('image-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-file-name')));

test('the image list holds still while editing, shows what it is sorted by and each model’s TP·FP·FN, and sorts again on request', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Model A' }).selectOption({ label: 'Finds all' });
  await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Misses two' });
  await page.getByLabel('Sort images').selectOption('disagreement');
  await expect.poll(() => listed(page)).toEqual(['f2.png', 'f1.png', 'f3.png']);
  const f2 = page.locator('[data-testid="image-item"][data-file-name="f2.png"]');
  await expect(f2.getByTestId('sort-value')).toHaveText('ΔAP 1.00');
  await expect(f2.getByTestId('image-outcomes')).toContainText('A 2·0·0');
  await expect(f2.getByTestId('image-outcomes')).toContainText('B 0·0·2');
  await page.screenshot({ path: screenshotPath('compare-image-list-sorted') });

  // Deleting both people of f2 (with the mouse and the Delete key) ends the disagreement there, but the list stays.
  await f2.click();
  const stage = page.getByTestId('pane-a').getByTestId('image-stage');
  await expect(stage).toHaveAttribute('data-image-loaded', 'true');
  const [ox, oy] = (await stage.getAttribute('data-offset'))!.split(',').map(Number);
  const scale = Number(await stage.getAttribute('data-zoom'));
  const origin = (await stage.boundingBox())!;
  for (const x of [122, 272]) {
    await page.mouse.click(origin.x + ox + x * scale, origin.y + oy + 120 * scale);
    await page.keyboard.press('Delete');
  }
  await expect(f2.getByTestId('sort-value')).toHaveText('ΔAP 0.00');
  expect(await listed(page)).toEqual(['f2.png', 'f1.png', 'f3.png']);
  await expect(page.locator('[data-testid="image-item"][aria-selected="true"]')).toHaveAttribute('data-file-name', 'f2.png');
  await page.getByRole('button', { name: 'Sort again' }).click();
  await expect.poll(() => listed(page)).toEqual(['f1.png', 'f2.png', 'f3.png']);
  await expect(page.getByRole('button', { name: 'Sort again' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  expect(problems).toEqual([]);
});

test('A and B are always two models, and swap with one press or by choosing the other side’s model', async ({ page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  const a = page.getByRole('combobox', { name: 'Model A' });
  const b = page.getByRole('combobox', { name: 'Model B' });
  await a.selectOption({ label: 'Finds all' });
  await b.selectOption({ label: 'Misses two' });
  await page.getByRole('button', { name: 'Swap A and B' }).click();
  await expect(a.locator('option:checked')).toHaveText('Misses two');
  await expect(b.locator('option:checked')).toHaveText('Finds all');
  await expect(page.getByTestId('pane-a')).toContainText('A · Misses two');
  // Choosing for B the model A shows swaps them rather than comparing a model with itself.
  await b.selectOption({ label: 'Misses two' });
  await expect(a.locator('option:checked')).toHaveText('Finds all');
  await expect(b.locator('option:checked')).toHaveText('Misses two');
});

test('a compare view with a model that never ran says so, and leads to the Models panel', async ({ page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Never run' });
  const hint = page.getByTestId('compare-hint');
  await expect(hint).toContainText('“Never run” has no predictions yet: run it in the Models panel.');
  await page.screenshot({ path: screenshotPath('compare-empty-hint') });
  await hint.getByRole('button', { name: 'Open the Models panel' }).click();
  await expect(page.getByRole('complementary', { name: 'Models' })).toBeVisible();
});

test('each model can be held to its own score threshold', async ({ page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Model A' }).selectOption({ label: 'Finds all' });
  await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Misses two' });
  await page.locator('[data-testid="image-item"][data-file-name="f1.png"]').click();
  await page.getByLabel('per model').check();
  // Above every score of B, B keeps nothing and misses f1's person; A, still at 0.50, keeps its hit.
  await page.getByLabel('Score threshold of B').fill('0.95');
  await expect(page.getByTestId('pane-b').getByTestId('pane-counts')).toHaveText('TP 0 FP 0 FN 1');
  await expect(page.getByTestId('pane-a').getByTestId('pane-counts')).toHaveText('TP 1 FP 0 FN 0');
  await expect(page.getByTestId('operating-point')).toContainText('scores ≥ 0.50 (A), 0.95 (B)');
  await page.screenshot({ path: screenshotPath('compare-per-model-thresholds') });
  // Linked again, both follow the one slider.
  await page.getByLabel('per model').uncheck();
  await expect(page.getByTestId('pane-b').getByTestId('pane-counts')).toHaveText('TP 1 FP 0 FN 0');
});

test('the panes sit side by side or one above the other, whichever shows the image larger', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 1000 });
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  const panes = page.locator('.compare-panes');
  await expect(panes).toHaveAttribute('data-layout', 'stacked');
  const zoomStacked = Number(await page.getByTestId('pane-a').getByTestId('image-stage').getAttribute('data-zoom'));
  await page.screenshot({ path: screenshotPath('compare-stacked') });
  await page.setViewportSize({ width: 1800, height: 700 });
  await expect(panes).toHaveAttribute('data-layout', 'side-by-side');
  // Stacked at 1000×1000, each pane fits the 4:3 frame larger than two 300-px-wide columns would.
  expect(zoomStacked).toBeGreaterThan((1000 - 220 - 330) / 2 / 400);
});
