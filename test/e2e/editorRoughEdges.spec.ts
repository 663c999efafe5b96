import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import type { Annotation, Category, ImageEntry } from '../../core/ipc/types.js';
import { callApi, expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp, stageView as view, toScreen as screen } from './fixtures.js';

type Box = [number, number, number, number];

// On the first image: a big prediction with a smaller one nested inside it (scored lower), and one apart.
const OUTER: Box = [100, 60, 220, 340];
const INNER: Box = [150, 140, 80, 120];
const APART: Box = [420, 100, 120, 240];
const PREDICTIONS: [Box, number][] = [
  [OUTER, 0.95],
  [INNER, 0.7],
  [APART, 0.9],
];

let app: RunningApp;
let work: string;
let images: ImageEntry[];
let person: Category;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-rough-edges-'));
  const folder = join(work, 'street');
  mkdirSync(folder);
  // Different pixels: predictions are cached by image content.
  for (const [name, background] of [
    ['a_first.png', '#5a6b7f'],
    ['b_second.png', '#6b7f5a'],
    ['c_third.png', '#7f5a6b'],
  ]) {
    await sharp({ create: { width: 640, height: 480, channels: 3, background } })
      .png()
      .toFile(join(folder, name));
  }
  app = await startApp({ project: folder });
  images = await callApi<ImageEntry[]>(app, 'images.list');
  [person] = await callApi<Category[]>(app, 'categories.list');
  const gt = join(work, 'gt.json');
  await callApi(app, 'project.export', { format: 'coco', path: gt });
  // The results refer to the exported ground truth's image and category ids.
  const exported = JSON.parse(readFileSync(gt, 'utf8')) as { images: { id: number; file_name: string }[]; categories: { id: number }[] };
  const first = exported.images.find((i) => i.file_name.endsWith('a_first.png'))!;
  const results = join(work, 'results.json');
  writeFileSync(results, JSON.stringify(PREDICTIONS.map(([bbox, score]) => ({ image_id: first.id, category_id: exported.categories[0].id, bbox, score }))));
  const report = await callApi<{ predictions: number }>(app, 'project.import', {
    format: 'coco-results',
    path: results,
    options: { gt, modelName: 'Detector' },
  });
  expect(report.predictions).toBe(PREDICTIONS.length);
});
test.afterAll(() => {
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

const groundTruth = (imageId = images[0].id) => callApi<Annotation[]>(app, 'annotations.list', { imageId });

async function setGroundTruth(boxes: Box[], imageId = images[0].id) {
  const existing = await groundTruth(imageId);
  await callApi(app, 'annotations.commit', {
    imageId,
    create: boxes.map((bbox) => ({ categoryId: person.id, bbox, area: bbox[2] * bbox[3], iscrowd: false, mask: null })),
    update: [],
    delete: existing.map((a) => a.id),
  });
}

const detectorRadio = (page: Page) => page.getByRole('complementary', { name: 'Models' }).locator('[data-model-name="Detector"]').getByRole('radio');

/** Opens the app on the first image with the detector's predictions drawn, the keyboard on the page. */
async function openWithPredictions(page: Page) {
  await app.open(page);
  await detectorRadio(page).check();
  await detectorRadio(page).blur();
  await expect(page.getByRole('complementary', { name: 'Models' }).getByTestId('predictions-shown')).toHaveText(/^3 shown/);
}

/** The prediction the canvas highlights, as [x, y, w, h] in image pixels, or null. */
function hoveredPrediction(page: Page): Promise<number[] | null> {
  return page.evaluate(() => {
    const konva = (
      window as unknown as { Konva: { stages: { findOne(selector: string): { x(): number; y(): number; width(): number; height(): number } | undefined }[] } }
    ).Konva;
    const node = konva.stages[0]?.findOne('.hovered-prediction');
    return node ? [node.x(), node.y(), node.width(), node.height()] : null;
  });
}

async function saved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

test('the smallest prediction under the cursor is highlighted and Enter accepts exactly it, even nested in a bigger one', async ({ page }) => {
  const problems = watchConsole(page);
  await setGroundTruth([]);
  await openWithPredictions(page);
  const v = await view(page);

  // Inside both boxes: the nested one is the one pointed at, although the big one scores higher.
  const inInner = screen(v, { x: INNER[0] + 40, y: INNER[1] + 60 });
  await page.mouse.move(inInner.x, inInner.y);
  await expect.poll(() => hoveredPrediction(page)).toEqual(INNER);
  await page.screenshot({ path: screenshotPath('rough-edges-hover-nested') });

  // Inside the big one only: it is highlighted instead; off every box, nothing is.
  const inOuterOnly = screen(v, { x: OUTER[0] + 20, y: OUTER[1] + 300 });
  await page.mouse.move(inOuterOnly.x, inOuterOnly.y);
  await expect.poll(() => hoveredPrediction(page)).toEqual(OUTER);
  const offBoxes = screen(v, { x: 600, y: 450 });
  await page.mouse.move(offBoxes.x, offBoxes.y);
  await expect.poll(() => hoveredPrediction(page)).toBeNull();

  await page.mouse.move(inInner.x, inInner.y);
  await expect.poll(() => hoveredPrediction(page)).toEqual(INNER);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await groundTruth()).map((a) => a.bbox)).toEqual([INNER]);
  await saved(page);
  expect(problems).toEqual([]);
});

test('Shift+Enter skips predictions already in the ground truth and says how many it added and skipped', async ({ page }) => {
  const problems = watchConsole(page);
  // A box drawn by hand near the apart prediction (IoU about 0.87) and one elsewhere.
  const drawn: Box = [425, 110, 115, 230];
  await setGroundTruth([drawn, [20, 400, 40, 60]]);
  await openWithPredictions(page);
  await page.keyboard.press('Shift+Enter');
  const notice = page.getByTestId('editor-notice');
  await expect(notice).toHaveText(/^Accepted 2 predictions; skipped 1 already in the ground truth \(IoU ≥ 0\.5 with a box of the same label\)/);
  await expect.poll(async () => (await groundTruth()).length).toBe(4);
  const boxes = (await groundTruth()).map((a) => a.bbox);
  expect(boxes).toContainEqual(OUTER);
  expect(boxes).toContainEqual(INNER);
  expect(boxes).not.toContainEqual(APART);
  await saved(page);
  await page.screenshot({ path: screenshotPath('rough-edges-accept-all-notice') });

  // Again: everything shown is now in the ground truth, and it says so instead of adding copies.
  await page.keyboard.press('Shift+Enter');
  await expect(notice).toHaveText(/^Accepted 0 predictions; skipped 3 already in the ground truth/);
  await page.waitForTimeout(300);
  expect(await groundTruth()).toHaveLength(4);
  // One undo takes back the two accepted boxes, and the notice goes with the edit it described.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await groundTruth()).length).toBe(2);
  await expect(notice).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a drag released outside the canvas draws its box, clamped to the image, and leaves no preview behind', async ({ page }) => {
  const problems = watchConsole(page);
  await setGroundTruth([]);
  await openWithPredictions(page);
  const v = await view(page);
  const stage = page.getByTestId('image-stage');
  await page.keyboard.press('w');
  const start = screen(v, { x: 500, y: 200 });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 40, start.y + 40, { steps: 4 });
  // Over the models panel, right of the stage, and released there.
  const panel = (await page.getByRole('complementary', { name: 'Models' }).boundingBox())!;
  const outside = { x: panel.x + panel.width / 2, y: screen(v, { x: 0, y: 300 }).y };
  await page.mouse.move(outside.x, outside.y, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await groundTruth()).length).toBe(1);
  await expect(stage).toHaveAttribute('data-gesture', '');
  await saved(page);
  // From the press (whole image pixels only up to the fitted zoom's rounding) to the image's right edge.
  const [x, y, w, h] = (await groundTruth())[0].bbox;
  expect(Math.abs(x - 500)).toBeLessThan(0.5);
  expect(Math.abs(y - 200)).toBeLessThan(0.5);
  expect(x + w).toBeCloseTo(640, 1);
  expect(Math.abs(h - 100)).toBeLessThan(0.5);

  // The selection rectangle of the select tool ends the same way: the box it crossed is selected.
  await page.keyboard.press('v');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('status-boxes')).toHaveText('1 box');
  const corner = screen(v, { x: 480, y: 150 });
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(outside.x, outside.y, { steps: 6 });
  await page.mouse.up();
  await expect(stage).toHaveAttribute('data-gesture', '');
  await expect(page.getByTestId('status-boxes')).toHaveText('1 box · 1 selected');
  expect(problems).toEqual([]);
});

test('a tiny drag with the draw tool is a click: it selects the box under it or clears the selection, and draws nothing', async ({ page }) => {
  const problems = watchConsole(page);
  await setGroundTruth([[40, 40, 100, 150]], images[1].id);
  await app.open(page);
  await page.locator('[data-file-name="b_second.png"]').click();
  await expect(page.getByTestId('status-boxes')).toHaveText('1 box');
  await page.getByLabel('Zoom percent').fill('100');
  await page.getByLabel('Zoom percent').press('Enter');
  await expect.poll(async () => Number(await page.getByTestId('image-stage').getAttribute('data-zoom'))).toBeCloseTo(1, 3);
  const v = await view(page);
  const status = page.getByTestId('status-boxes');
  await page.keyboard.press('w');

  const wiggle = async (at: { x: number; y: number }) => {
    const p = screen(v, at);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x + 3, p.y + 2, { steps: 2 });
    await page.mouse.move(p.x + 5, p.y + 3, { steps: 2 });
    await page.mouse.up();
  };
  // A 5×3 px drag inside the box selects it; one on the empty image clears the selection.
  await wiggle({ x: 80, y: 100 });
  await expect(status).toHaveText('1 box · 1 selected');
  await wiggle({ x: 300, y: 300 });
  await expect(status).toHaveText('1 box');
  await page.waitForTimeout(300);
  expect(await groundTruth(images[1].id)).toHaveLength(1);
  await saved(page);
  expect(problems).toEqual([]);
});

test('a click picks the smallest box under it, even nested in a bigger one; shift adds and removes', async ({ page }) => {
  const problems = watchConsole(page);
  // The outer box is listed (and drawn) after the one nested in it.
  await setGroundTruth([INNER, OUTER, APART], images[1].id);
  await app.open(page);
  await page.locator('[data-file-name="b_second.png"]').click();
  await expect(page.getByTestId('status-boxes')).toHaveText('3 boxes');
  const v = await view(page);
  const status = page.getByTestId('status-boxes');
  const selectedBoxes = async () => {
    const all = await groundTruth(images[1].id);
    const ids = await page.evaluate(() => {
      type Node = { getAttr(k: string): unknown; x(): number; y(): number; width(): number; height(): number };
      const stage = (window as unknown as { Konva: { stages: { find(s: string): Node[] }[] } }).Konva.stages[0];
      return stage.find('.gt-box').map((n) => [n.x(), n.y(), n.width(), n.height()]);
    });
    return ids.map((b) => all.find((a) => a.bbox.every((x, i) => x === b[i]))?.bbox);
  };
  const click = async (at: { x: number; y: number }, shift = false) => {
    const p = screen(v, at);
    if (shift) await page.keyboard.down('Shift');
    await page.mouse.click(p.x, p.y);
    if (shift) await page.keyboard.up('Shift');
  };
  await click({ x: INNER[0] + 10, y: INNER[1] + 10 });
  await expect(status).toHaveText('3 boxes · 1 selected');
  expect(await selectedBoxes()).toEqual([INNER]);
  // Inside the outer box but outside the nested one.
  await click({ x: OUTER[0] + 10, y: OUTER[1] + 10 });
  expect(await selectedBoxes()).toEqual([OUTER]);
  await click({ x: APART[0] + 20, y: APART[1] + 20 }, true);
  await expect(status).toHaveText('3 boxes · 2 selected');
  await click({ x: OUTER[0] + 10, y: OUTER[1] + 10 }, true);
  await expect(status).toHaveText('3 boxes · 1 selected');
  expect(await selectedBoxes()).toEqual([APART]);
  // The empty image clears the selection; nothing was moved by any of it.
  await click({ x: 600, y: 20 });
  await expect(status).toHaveText('3 boxes');
  expect((await groundTruth(images[1].id)).map((a) => a.bbox)).toEqual([INNER, OUTER, APART]);
  expect(problems).toEqual([]);
});

test('a digit relabels the selected box only; with nothing selected it sets the label of new boxes', async ({ page }) => {
  const problems = watchConsole(page);
  const cyclist = await callApi<Category>(app, 'categories.create', { name: 'cyclist' });
  const imageId = images[2].id;
  await setGroundTruth([], imageId);
  await app.open(page);
  await page.locator('[data-file-name="c_third.png"]').click();
  await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
  const labelPicker = page.getByLabel('Label', { exact: true });
  await expect(labelPicker).toHaveValue(String(person.id));
  const v = await view(page);
  const draw = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const a = screen(v, from);
    const b = screen(v, to);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 6 });
    await page.mouse.up();
  };

  // The new box is selected: 2 makes it a cyclist, and new boxes stay persons.
  await page.keyboard.press('w');
  await draw({ x: 50, y: 50 }, { x: 150, y: 250 });
  await expect(page.getByTestId('status-boxes')).toHaveText('1 box · 1 selected');
  await page.keyboard.press('2');
  await expect.poll(async () => (await groundTruth(imageId)).map((a) => a.categoryId)).toEqual([cyclist.id]);
  await draw({ x: 300, y: 50 }, { x: 400, y: 250 });
  await expect.poll(async () => (await groundTruth(imageId)).map((a) => a.categoryId)).toEqual([cyclist.id, person.id]);

  // With nothing selected, 2 sets the label of the next box and changes no box.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('status-boxes')).toHaveText('2 boxes');
  await page.keyboard.press('2');
  await expect(labelPicker).toHaveValue(String(cyclist.id));
  await page.keyboard.press('w');
  await draw({ x: 450, y: 50 }, { x: 550, y: 250 });
  await expect.poll(async () => (await groundTruth(imageId)).map((a) => a.categoryId)).toEqual([cyclist.id, person.id, cyclist.id]);
  await saved(page);
  expect(problems).toEqual([]);
});

test('A and D change the image after a click on a model radio button, but not while typing in a text field', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  const selected = page.locator('[data-testid="image-item"][aria-selected="true"]');
  await expect(selected).toHaveAttribute('data-file-name', 'a_first.png');
  const radio = detectorRadio(page);
  await radio.click();
  await expect(radio).toBeFocused();
  await page.keyboard.press('d');
  await expect(selected).toHaveAttribute('data-file-name', 'b_second.png');
  await page.keyboard.press('a');
  await expect(selected).toHaveAttribute('data-file-name', 'a_first.png');

  await page.getByRole('button', { name: '+ Label' }).click();
  await page.getByLabel('New label name').pressSequentially('dad');
  await expect(page.getByLabel('New label name')).toHaveValue('dad');
  await expect(selected).toHaveAttribute('data-file-name', 'a_first.png');
  expect(problems).toEqual([]);
});

test('the help fits a 1024×640 window with Close in view and lists each shortcut once', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const close = help.getByRole('button', { name: 'Close' });
  await expect(close).toBeInViewport({ ratio: 1 });
  const dialog = (await help.boundingBox())!;
  expect(dialog.y).toBeGreaterThanOrEqual(0);
  expect(dialog.y + dialog.height).toBeLessThanOrEqual(640);

  const keys = await help.locator('td.keys').allTextContents();
  expect(new Set(keys).size).toBe(keys.length);
  const labels = await help.locator('td:not(.keys)').allTextContents();
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels.filter((l) => l.startsWith('Nudge'))).toEqual(['Nudge the selection 1 px (with Shift: 10 px)']);
  expect(keys).toContain('1 … 9');
  // The last row is reached by scrolling the list, with Close still in view.
  const lastRow = help.locator('tr').last();
  await lastRow.scrollIntoViewIfNeeded();
  await expect(lastRow).toBeInViewport();
  await expect(close).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: screenshotPath('rough-edges-help-1024x640') });
  await close.click();
  await expect(help).toHaveCount(0);
});

test('the edit stage stays within Konva’s layer budget: no warning about layers while editing', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning' || msg.type() === 'error') warnings.push(msg.text());
  });
  await setGroundTruth([[40, 40, 100, 150]]);
  await openWithPredictions(page);
  const v = await view(page);
  // Select, draw and toggle masks: every layer is drawn again.
  const inBox = screen(v, { x: 60, y: 60 });
  await page.mouse.click(inBox.x, inBox.y);
  await page.keyboard.press('w');
  const a = screen(v, { x: 360, y: 300 });
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 60, a.y + 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await groundTruth()).length).toBe(2);
  await page.getByLabel('Masks', { exact: true }).uncheck();
  await page.getByLabel('Masks', { exact: true }).check();
  const layers = await page.evaluate(() =>
    (window as unknown as { Konva: { stages: { getLayers(): unknown[] }[] } }).Konva.stages.map((s) => s.getLayers().length),
  );
  expect(warnings.filter((w) => /layer/i.test(w))).toEqual([]);
  expect(Math.max(...layers)).toBeLessThanOrEqual(4);
});
