import type { Page } from '@playwright/test';
import { startComparedProject, type ComparedProject } from './comparedProject.js';
import { expect, screenshotPath, test, watchConsole } from './fixtures.js';

// f1: A's box is shifted 40 px off its person (IoU 6000 / 14000 = 0.43), B's sits on it; f2: both are exact.
const gtJson = {
  images: [1, 2].map((id) => ({ id, file_name: `f${id}.png`, width: 400, height: 300 })),
  categories: [{ id: 1, name: 'pedestrian' }],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: [100, 50, 100, 100], area: 10000, iscrowd: 0 },
    { id: 2, image_id: 2, category_id: 1, bbox: [200, 80, 60, 150], area: 9000, iscrowd: 0 },
  ],
};
const resultsA = [
  { image_id: 1, category_id: 1, bbox: [140, 50, 100, 100], score: 0.9 },
  { image_id: 2, category_id: 1, bbox: [200, 80, 60, 150], score: 0.9 },
];
const resultsB = [
  { image_id: 1, category_id: 1, bbox: [100, 50, 100, 100], score: 0.9 },
  { image_id: 2, category_id: 1, bbox: [200, 80, 60, 150], score: 0.9 },
];

let project: ComparedProject;
test.beforeAll(async () => {
  project = await startComparedProject('compare-loose-iou', gtJson, [
    ['Shifted', resultsA],
    ['Exact', resultsB],
  ]);
});
test.afterAll(() => project.close());

type KonvaWindow = { Konva: { stages: { find(s: string): { text(): string }[] }[] } };
/** Every label drawn in each pane's stage. */
const labels = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as KonvaWindow).Konva.stages.map((s) =>
      s
        .find('Text')
        .map((t) => t.text())
        .join('\n'),
    ),
  );
const chip = (page: Page, group: string, kind: string) => page.getByRole('group', { name: group }).locator(`[data-kind="${kind}"]`);
const count = (page: Page, model: 'a' | 'b', kind: string) =>
  page.locator(`[data-testid="operating-point"] tr[data-model="${model}"] td[data-count="${kind}"]`);

test('the IoU slider goes down to 0.10: at 0.30 a box with IoU 0.43 is a hit, in the panes, the image list and the numbers', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1600, height: 900 });
  await project.app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Model A' }).selectOption({ label: 'Shifted' });
  await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Exact' });
  const f1 = page.locator('[data-testid="image-item"][data-file-name="f1.png"]');
  await f1.click();
  const paneA = page.getByTestId('pane-a').getByTestId('pane-counts');

  // At COCO's 0.50 the shifted box is a false positive and its person a miss.
  await expect(paneA).toHaveText('TP 0 FP 1 FN 1');
  await expect(f1.getByTestId('image-outcomes')).toContainText('A 0·1·1');
  await expect(count(page, 'a', 'tp')).toHaveText('1');
  await expect.poll(async () => (await labels(page))[0]).toContain('FP 0.90 · IoU 0.43');
  await page.getByRole('tab', { name: 'A vs B' }).click();
  await expect(chip(page, 'People', 'person:bOnly')).toContainText('1');
  await page.getByRole('tab', { name: 'Numbers' }).click();

  // With the mouse on the slider, then the keyboard: Home is its lowest step, 0.10, and four steps up make 0.30.
  const slider = page.getByLabel('IoU threshold');
  const shown = page.locator('label.slider', { has: slider }).locator('output');
  await slider.click();
  await page.keyboard.press('Home');
  await expect(shown).toHaveText('0.10');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('0.3');
  await expect(shown).toHaveText('0.30');

  await expect(paneA).toHaveText('TP 1 FP 0 FN 0');
  await expect(page.getByTestId('pane-b').getByTestId('pane-counts')).toHaveText('TP 1 FP 0 FN 0');
  await expect(f1.getByTestId('image-outcomes')).toContainText('A 1·0·0');
  await expect(page.getByTestId('operating-point')).toContainText('At IoU 0.30');
  await expect(count(page, 'a', 'tp')).toHaveText('2');
  await expect(count(page, 'a', 'fp')).toHaveText('0');
  await expect(count(page, 'a', 'fn')).toHaveText('0');
  await expect.poll(async () => (await labels(page))[0]).toContain('TP 0.90 · IoU 0.43');
  await page.screenshot({ path: screenshotPath('compare-loose-iou') });

  // The person-by-person diff (the findings worker) reads the same threshold: both models find both people.
  await page.getByRole('tab', { name: 'A vs B' }).click();
  await expect(chip(page, 'People', 'person:both')).toContainText('2');
  await expect(chip(page, 'People', 'person:bOnly')).toContainText('0');
  await expect(chip(page, 'False alarms', 'alarm:aOnly')).toContainText('0');

  // The report stays at COCO's thresholds, and the dialog says so.
  await page.getByRole('button', { name: 'Export report…' }).click();
  await expect(page.getByTestId('report-iou-note')).toContainText('At IoU 0.50, not the slider’s 0.30');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Back at 0.50, the standard evaluation again.
  await slider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(paneA).toHaveText('TP 0 FP 1 FN 1');
  expect(problems).toEqual([]);
});
