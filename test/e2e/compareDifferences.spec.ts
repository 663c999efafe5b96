import type { Annotation, ImageEntry } from '../../core/ipc/types.js';
import { startComparedProject, type ComparedProject } from './comparedProject.js';
import { gtJson, resultsA, resultsB } from './twoModelsScenario.js';
import { callApi, expect, screenshotPath, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
let project: ComparedProject;
test.beforeAll(async () => {
  project = await startComparedProject('compare-diff', gtJson, [
    ['Model A', resultsA],
    ['Model B', resultsB],
  ]);
  app = project.app;
});
test.afterAll(() => project.close());

const chip = (page: import('@playwright/test').Page, group: string, kind: string) => page.getByRole('group', { name: group }).locator(`[data-kind="${kind}"]`);

test('A vs B: who finds whom as chips, a case list that jumps across images, significance and operating points', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('tab', { name: 'A vs B' }).click();
  await expect(chip(page, 'People', 'person:both')).toContainText('2');
  await expect(chip(page, 'People', 'person:aOnly')).toContainText('0');
  await expect(chip(page, 'People', 'person:bOnly')).toContainText('2');
  await expect(chip(page, 'People', 'person:neither')).toContainText('0');
  await expect(chip(page, 'False alarms', 'alarm:aOnly')).toContainText('2');
  await expect(chip(page, 'False alarms', 'alarm:bOnly')).toContainText('1');
  await expect(chip(page, 'False alarms', 'alarm:shared')).toContainText('1');
  await expect(page.getByTestId('significance').locator('tr')).toHaveCount(3);
  await expect(page.getByTestId('verdict')).not.toBeEmpty();

  // The people only B finds: the first is on f1, the next on f3.
  await chip(page, 'People', 'person:bOnly').click();
  await expect(page.getByTestId('case-position')).toHaveText('Case 1 of 2');
  await expect(page.locator('[data-testid="image-item"][aria-selected="true"]')).toHaveAttribute('data-file-name', 'f1.png');
  // The chip filters what the panes draw: only person 2, missed by A (its frame) and found by B (its hit).
  const drawn = () =>
    page.evaluate(() =>
      (window as unknown as { Konva: { stages: { find(s: string): unknown[] }[] } }).Konva.stages.map((s) => ({
        fn: s.find('.fn-box').length,
        tp: s.find('.prediction-tp').length,
        fp: s.find('.prediction-fp').length,
      })),
    );
  await expect.poll(drawn).toEqual([
    { fn: 1, tp: 0, fp: 0 },
    { fn: 0, tp: 1, fp: 0 },
  ]);
  await page.screenshot({ path: screenshotPath('compare-differences') });
  await page.getByRole('button', { name: 'Next ›' }).click();
  await expect(page.getByTestId('case-position')).toHaveText('Case 2 of 2');
  await expect(page.locator('[data-testid="image-item"][aria-selected="true"]')).toHaveAttribute('data-file-name', 'f3.png');
  const rings = await page.evaluate(() =>
    (window as unknown as { Konva: { stages: { find(s: string): { getChildren(): unknown[] }[] }[] } }).Konva.stages.map((s) =>
      s.find('.case-focus').reduce((n, g) => n + g.getChildren().length, 0),
    ),
  );
  // Person 4 ringed (halo and ring) in both panes.
  expect(rings).toEqual([2, 2]);

  // , and . step through the cases from the keyboard, across images.
  await page.keyboard.press(',');
  await expect(page.getByTestId('case-position')).toHaveText('Case 1 of 2');
  await expect(page.locator('[data-testid="image-item"][aria-selected="true"]')).toHaveAttribute('data-file-name', 'f1.png');
  await page.keyboard.press('.');
  await expect(page.getByTestId('case-position')).toHaveText('Case 2 of 2');

  // The image list can be ordered by a kind of case.
  await page.getByLabel('Sort images').selectOption('alarm:aOnly');
  await expect(page.getByTestId('image-item').first()).toHaveAttribute('data-file-name', /f[13]\.png/);

  // An operating point sets that model's own score threshold: the sliders come apart, A's stays where it was.
  const bestF1 = page.getByTestId('operating-points').locator('tr[data-model="b"] button').first();
  await bestF1.click();
  await expect(page.getByLabel('Score threshold of B')).toHaveValue('0.85');
  await expect(page.getByLabel('Score threshold of A')).toHaveValue('0.5');
  expect(problems).toEqual([]);
});

test('Labels: a person both models find without ground truth is listed, and one press adds it, undoably', async ({ page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('tab', { name: 'Labels' }).click();
  await page.getByRole('button', { name: /No ground truth/ }).click();
  await expect(page.locator('[data-testid="image-item"][aria-selected="true"]')).toHaveAttribute('data-file-name', 'f2.png');
  await page.screenshot({ path: screenshotPath('compare-label-check') });
  await expect(page.getByTestId('accept-label')).toBeVisible();
  await page.keyboard.press('g');
  const images = await callApi<ImageEntry[]>(app, 'images.list');
  const f2 = images.find((i) => i.fileName === 'f2.png')!;
  await expect.poll(async () => (await callApi<Annotation[]>(app, 'annotations.list', { imageId: f2.id })).length).toBe(2);
  const added = (await callApi<Annotation[]>(app, 'annotations.list', { imageId: f2.id })).find((a) => a.id !== 3)!;
  expect(added.bbox).toEqual([320, 150, 40, 100]);
  // The likely error is gone once the ground truth has the person.
  await expect(page.getByRole('button', { name: /No ground truth/ })).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await callApi<Annotation[]>(app, 'annotations.list', { imageId: f2.id })).length).toBe(1);
});
