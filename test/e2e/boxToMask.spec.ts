import type { Page } from '@playwright/test';
import type { Annotation, ImageEntry, MaskFillStatus } from '../../core/ipc/types.js';
import {
  callApi,
  expect,
  screenshotPath,
  setZoom,
  startApp,
  stopApp,
  test,
  watchConsole,
  type RunningApp,
  stageView as view,
  toScreen as screen,
  expectSaved as saved,
  replaceGroundTruth,
} from './fixtures.js';
import { sharedFile, YOLOX_NANO } from '../helpers/shared.js';
import { maskOf } from './storedMasks.js';

// Box to mask on the bundled sample project (its frames of people walking), with the smaller bundled Mask R-CNN.
let app: RunningApp;
let image: ImageEntry;
/** The sample's own ground truth for the first frame: boxes round people, without masks. */
let people: Annotation[];

test.use({ viewport: { width: 1600, height: 1000 } });
test.setTimeout(120_000);

test.beforeAll(async () => {
  app = await startApp();
  [image] = await callApi<ImageEntry[]>(app, 'images.list');
  people = await groundTruth();
});
test.afterAll(() => stopApp(app));

const groundTruth = () => callApi<Annotation[]>(app, 'annotations.list', { imageId: image.id });

/** The frame's ground truth set to these boxes (none: empty), without masks. */
const setBoxes = (boxes: Annotation[]) =>
  replaceGroundTruth(
    app,
    image.id,
    boxes.map((a) => ({ categoryId: a.categoryId, bbox: a.bbox, area: a.bbox[2] * a.bbox[3], iscrowd: false, mask: null })),
  );

/** Opens the app on the first frame at a zoom typed into the zoom field, with the smaller model chosen. */
async function openAtZoom(page: Page, zoom: number) {
  await app.open(page);
  await page.locator(`[data-file-name="${image.fileName}"]`).click();
  await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
  await setZoom(page, zoom);
  await page.getByLabel('Mask model').selectOption({ label: 'mnv3fpn' });
}

/** Whether the canvas draws any ground-truth mask. */
const masksDrawn = (page: Page) =>
  page.evaluate(() => !!(window as unknown as { Konva: { stages: { findOne(s: string): unknown }[] } }).Konva.stages[0].findOne('.gt-masks'));

function expectInside(inner: number[], outer: number[]) {
  expect(inner[0]).toBeGreaterThanOrEqual(Math.floor(outer[0]));
  expect(inner[1]).toBeGreaterThanOrEqual(Math.floor(outer[1]));
  expect(inner[0] + inner[2]).toBeLessThanOrEqual(Math.ceil(outer[0] + outer[2]));
  expect(inner[1] + inner[3]).toBeLessThanOrEqual(Math.ceil(outer[1] + outer[3]));
}

for (const zoom of [0.37, 3.1]) {
  test(`a box drawn round a person at zoom ${zoom}: M gives it the model's mask in one undoable edit`, async ({ page }) => {
    const problems = watchConsole(page);
    await setBoxes([]);
    await openAtZoom(page, zoom);
    const v = await view(page);
    // A box a little larger than the sample's box round the person, drawn with the mouse.
    const [x, y, w, h] = people[0].bbox;
    const from = screen(v, { x: x - 4, y: y - 4 });
    const to = screen(v, { x: x + w + 4, y: y + h + 4 });
    await page.keyboard.press('w');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByTestId('status-boxes')).toHaveText('1 box · 1 selected');
    await saved(page);
    const [drawn] = await groundTruth();
    expect(drawn.mask).toBeNull();

    await page.keyboard.press('m');
    await expect.poll(async () => (await groundTruth())[0].mask, { timeout: 30_000 }).not.toBeNull();
    await saved(page);
    await expect(page.getByTestId('editor-notice')).toContainText('1 mask added');
    expect(await masksDrawn(page)).toBe(true);
    const [masked] = await groundTruth();
    const m = maskOf(masked);
    expect(m.count).toBeGreaterThan(0.2 * w * h);
    expect(masked.area).toBe(m.count);
    // The box stays the user's; the mask lies inside it.
    expect(masked.bbox).toEqual(drawn.bbox);
    expectInside(m.bbox, drawn.bbox);
    await page.screenshot({ path: screenshotPath(`box-to-mask-${zoom}`) });

    // One undo takes the mask back (the box and its area stay), one redo restores it.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await groundTruth())[0].mask).toBeNull();
    expect((await groundTruth())[0].area).toBeCloseTo(drawn.area, 5);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await groundTruth())[0].mask?.counts).toBe(masked.mask!.counts);
    expect((await groundTruth())[0].area).toBe(m.count);
    await saved(page);
    expect(problems).toEqual([]);
  });
}

test('a box round no one gets no mask, and the notice says why', async ({ page }) => {
  const problems = watchConsole(page);
  await setBoxes([{ ...people[0], bbox: [60, 400, 40, 90] }]);
  await openAtZoom(page, 1);
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: 'Mask from model' }).click();
  const notice = page.getByTestId('editor-notice');
  await expect(notice).toContainText('0 masks added, no mask for 1 box: ', { timeout: 30_000 });
  expect((await groundTruth())[0].mask).toBeNull();
  await page.screenshot({ path: screenshotPath('box-to-mask-none') });
  expect(problems).toEqual([]);
});

test('only models that give masks are offered, and the one chosen is remembered for the project', async ({ page }) => {
  const yolox = sharedFile(...YOLOX_NANO);
  if (yolox) await callApi(app, 'models.add', { path: yolox });
  await openAtZoom(page, 1);
  const options = await page.getByLabel('Mask model').locator('option').allTextContents();
  expect(options.sort()).toEqual(['mnv3fpn', 'r18fpn']);
  const chosen = await page.getByLabel('Mask model').inputValue();
  await page.reload();
  await expect(page.getByLabel('Mask model')).toHaveValue(chosen);
  await page.screenshot({ path: screenshotPath('box-to-mask-toolbar') });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Mask from model: the chosen Mask R-CNN finds the person in each selected box',
  );
});

test('masks for every box without one on the image: box by box with progress, counts said, one undo', async ({ page }) => {
  const problems = watchConsole(page);
  await setBoxes(people);
  await openAtZoom(page, 1);
  await page.getByRole('button', { name: 'This image' }).click();
  const progress = page.getByTestId('mask-progress');
  await expect(progress).toContainText(`/ ${people.length} boxes`);
  await page.screenshot({ path: screenshotPath('box-to-mask-fill-image') });
  await expect(progress).toBeHidden({ timeout: 60_000 });
  const notice = page.getByTestId('editor-notice');
  await expect(notice).toContainText('added');
  await saved(page);
  const filled = await groundTruth();
  const added = filled.filter((a) => a.mask).length;
  expect(added).toBeGreaterThan(0);
  const missed = people.length - added;
  await expect(notice).toContainText(`${added} ${added === 1 ? 'mask' : 'masks'} added`);
  if (missed > 0) await expect(notice).toContainText(`no mask for ${missed} ${missed === 1 ? 'box' : 'boxes'}: `);
  for (const a of filled.filter((f) => f.mask)) {
    expect(a.area).toBe(maskOf(a).count);
    expectInside(maskOf(a).bbox, a.bbox);
  }
  await page.screenshot({ path: screenshotPath('box-to-mask-filled') });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await groundTruth()).filter((a) => a.mask).length).toBe(0);
  await saved(page);
  expect(problems).toEqual([]);
});

test('masks for every box of the project run in the background with progress, and Cancel stops them', async ({ page }) => {
  const problems = watchConsole(page);
  await setBoxes(people);
  await openAtZoom(page, 1);
  // An edit of the user's first: once the job has written to the project, undo cannot reach back past it.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('ArrowRight');
  await expect(undo).toBeEnabled();
  await saved(page);
  await page.getByRole('button', { name: 'Whole project' }).click();
  const progress = page.getByTestId('mask-progress');
  await expect(page.getByTestId('mask-progress-count')).toHaveText(/^Masks: \d+ \/ \d+ boxes · project, not undoable$/);
  await page.screenshot({ path: screenshotPath('box-to-mask-fill-project') });
  // The job does the frame in view first; once it has stored that frame's masks the editor reads them again.
  await expect.poll(async () => (await groundTruth()).some((a) => a.mask), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => masksDrawn(page)).toBe(true);
  await expect(undo).toBeDisabled();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('editor-notice')).toContainText('Whole project (not undoable): Cancelled after');
  const status = await callApi<MaskFillStatus>(app, 'masks.fillStatus');
  expect(status.state).toBe('cancelled');
  expect(status.boxesDone).toBeLessThan(status.boxesTotal);
  expect(problems).toEqual([]);
});
