import { startComparedProject, type ComparedProject } from './comparedProject.js';
import { expect, screenshotPath, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
const rect = (x: number, y: number, w: number, h: number) => ({ bbox: [x, y, w, h], segmentation: [[x, y, x + w, y, x + w, y + h, x, y + h]] });
// f1: three people, masked. f2: a crowded street, eight people side by side, for the labels.
const people2 = Array.from({ length: 8 }, (_, k) => rect(20 + k * 46, 60, 40, 150));
const gtJson = {
  images: [
    { id: 1, file_name: 'f1.png', width: 400, height: 300 },
    { id: 2, file_name: 'f2.png', width: 400, height: 300 },
  ],
  categories: [{ id: 1, name: 'pedestrian' }],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, ...rect(20, 40, 60, 160), area: 9600, iscrowd: 0 },
    { id: 2, image_id: 1, category_id: 1, ...rect(150, 50, 60, 160), area: 9600, iscrowd: 0 },
    { id: 3, image_id: 1, category_id: 1, ...rect(280, 60, 60, 160), area: 9600, iscrowd: 0 },
    ...people2.map((p, k) => ({ id: 10 + k, image_id: 2, category_id: 1, ...p, area: 6000, iscrowd: 0 })),
  ],
};
const det = (image_id: number, r: ReturnType<typeof rect>, score: number) => ({ image_id, category_id: 1, ...r, score });
// A: good masks on f1 but one shifted far off (a localisation error); B: all good. On f2 both fire on everyone,
// plus a second, shifted box on each person, so that a low score threshold piles labels up.
const resultsA = [
  det(1, rect(22, 42, 58, 156), 0.95),
  det(1, rect(190, 90, 60, 160), 0.9),
  det(1, rect(281, 61, 58, 158), 0.85),
  ...people2.flatMap((p, k) => [det(2, rect(p.bbox[0] + 1, 61, 39, 148), 0.9 - k * 0.01), det(2, rect(p.bbox[0] + 12, 90, 40, 150), 0.3 - k * 0.01)]),
];
const resultsB = [
  det(1, rect(21, 41, 59, 158), 0.9),
  det(1, rect(151, 51, 59, 158), 0.88),
  det(1, rect(280, 60, 60, 159), 0.8),
  ...people2.flatMap((p, k) => [det(2, rect(p.bbox[0], 60, 40, 149), 0.92 - k * 0.01), det(2, rect(p.bbox[0] + 10, 80, 40, 150), 0.35 - k * 0.01)]),
];

let project: ComparedProject;
test.beforeAll(async () => {
  project = await startComparedProject('compare-masks', gtJson, [
    ['Masks A', resultsA],
    ['Masks B', resultsB],
    ['Boxes only', resultsB.map(({ segmentation: _, ...box }) => box)],
  ]);
  app = project.app;
});
test.afterAll(() => project.close());

type KonvaWindow = {
  Konva: {
    stages: { find(s: string): { isVisible(): boolean; getClientRect(): { x: number; y: number; width: number; height: number }; text?(): string }[] }[];
  };
};
const maskNodes = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as KonvaWindow).Konva.stages.map((s) => s.find('.prediction-masks').filter((n) => n.isVisible()).length));
const labelTexts = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as KonvaWindow).Konva.stages.map((s) => s.find('Text').map((t) => t.text!())));

test('the models’ masks are drawn in Edit and Compare, by outcome and mask IoU in segm mode, with each false positive’s TIDE error', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  // Edit: the shown model's masks, and a switch for them.
  await expect.poll(() => maskNodes(page)).toEqual([1]);
  await page.getByLabel('Its masks').uncheck();
  await expect.poll(() => maskNodes(page)).toEqual([0]);
  await page.getByLabel('Its masks').check();

  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Model A' }).selectOption({ label: 'Masks A' });
  await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Masks B' });
  await page.getByRole('button', { name: 'segm' }).click();
  await expect.poll(() => maskNodes(page)).toEqual([1, 1]);
  await expect.poll(async () => (await labelTexts(page))[0].some((t) => /^TP 0\.95 · mask IoU 0\.9\d$/.test(t))).toBe(true);
  // A's shifted mask is a false positive that TIDE calls a localisation error.
  await expect.poll(async () => (await labelTexts(page))[0].some((t) => /^FP 0\.90 · mask IoU 0\.\d\d · Loc$/.test(t))).toBe(true);
  await page.screenshot({ path: screenshotPath('compare-masks-segm') });
  await page.getByLabel('Model masks').uncheck();
  await expect.poll(() => maskNodes(page)).toEqual([0, 0]);
  expect(problems).toEqual([]);
});

test('a crowded frame at the fitted zoom and a low score threshold has no two labels over each other', async ({ page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Model A' }).selectOption({ label: 'Masks A' });
  await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Masks B' });
  await page.locator('[data-testid="image-item"][data-file-name="f2.png"]').click();
  await page.getByLabel('Score threshold').fill('0');
  await page.keyboard.press('f');
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath('compare-crowded-labels') });
  const overlaps = await page.evaluate(() =>
    (window as unknown as KonvaWindow).Konva.stages.map((s) => {
      const boxes = s.find('Text').map((t) => t.getClientRect());
      let n = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) n++;
        }
      return n;
    }),
  );
  expect(overlaps).toEqual([0, 0]);
});

test('a model whose predictions have no masks offers no switch for them', async ({ page }) => {
  await app.open(page);
  const models = page.getByRole('complementary', { name: 'Models' });
  await models.locator('[data-model-name="Boxes only"]').getByRole('radio').check();
  await expect(page.getByTestId('predictions-shown')).toBeVisible();
  await expect(page.getByLabel('Its masks')).toHaveCount(0);
  await models.locator('[data-model-name="Masks A"]').getByRole('radio').check();
  await expect(page.getByLabel('Its masks')).toBeVisible();
});
