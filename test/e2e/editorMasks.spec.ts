import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation, ImageEntry } from '../../core/ipc/types.js';
import {
  callApi,
  expect,
  screenshotPath,
  startApp,
  stopApp,
  test,
  watchConsole,
  type RunningApp,
  stageView as view,
  toScreen as screen,
  type StageView as View,
  expectSaved as saved,
  replaceGroundTruth,
} from './fixtures.js';
import { gradientFolder, maskOf } from './storedMasks.js';

let app: RunningApp;
let work: string;
let image: ImageEntry;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-masks-'));
  app = await startApp({ project: await gradientFolder(join(work, 'street')) });
  [image] = await callApi<ImageEntry[]>(app, 'images.list');
});
test.afterAll(() => {
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

const groundTruth = () => callApi<Annotation[]>(app, 'annotations.list', { imageId: image.id });

const clearGroundTruth = () => replaceGroundTruth(app, image.id, []);

/** A drag through image points with the real mouse, optionally with Shift held. */
async function drag(page: Page, v: View, points: { x: number; y: number }[], shift = false) {
  const [first, ...rest] = points.map((p) => screen(v, p));
  await page.mouse.move(first.x, first.y);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(p.x, p.y, { steps: 8 });
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

/** The brush outline the canvas draws at the pointer, in image pixels. */
function brushCursor(page: Page) {
  return page.evaluate(() => {
    const konva = (window as unknown as { Konva: { stages: { findOne(s: string): { x(): number; y(): number; radius(): number } | undefined }[] } }).Konva;
    const c = konva.stages[0]?.findOne('.brush-cursor');
    return c ? { x: c.x(), y: c.y(), radius: c.radius() } : null;
  });
}

test('the brush paints a stroke as one undoable edit: the mask, its area and its tight box are stored', async ({ page }) => {
  const problems = watchConsole(page);
  await clearGroundTruth();
  await app.open(page);
  const v = await view(page);
  await page.keyboard.press('b');
  await expect(page.getByTestId('brush-radius')).toHaveText('r 8');
  await page.keyboard.press(']');
  await expect(page.getByTestId('brush-radius')).toHaveText('r 10');

  // The outline at the pointer is the brush: centred on it, of the brush's radius.
  const at = screen(v, { x: 300, y: 200 });
  await page.mouse.move(at.x, at.y);
  const cursor = await brushCursor(page);
  expect(cursor!.radius).toBe(10);
  expect(Math.abs(cursor!.x - 300)).toBeLessThan(0.5);
  expect(Math.abs(cursor!.y - 200)).toBeLessThan(0.5);

  const start = screen(v, { x: 100, y: 100 });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(screen(v, { x: 160, y: 130 }).x, screen(v, { x: 160, y: 130 }).y, { steps: 8 });
  await page.mouse.move(screen(v, { x: 220, y: 100 }).x, screen(v, { x: 220, y: 100 }).y, { steps: 8 });
  await page.screenshot({ path: screenshotPath('masks-brush-stroke') });
  await page.mouse.up();
  await expect.poll(async () => (await groundTruth()).length).toBe(1);
  await saved(page);
  const [a] = await groundTruth();
  const m = maskOf(a);
  expect(a.area).toBe(m.count);
  expect(a.bbox).toEqual(m.bbox);
  expect(m.at(100, 100) && m.at(160, 130) && m.at(220, 100) && m.at(130, 115)).toBe(true);
  expect(m.at(160, 100) || m.at(100, 115) || m.at(232, 100)).toBe(false);
  // From 10 px left of the first point to 10 px right of the last, 10 px above them to 10 below the bend.
  expect(Math.abs(a.bbox[0] - 90)).toBeLessThanOrEqual(1);
  expect(Math.abs(a.bbox[0] + a.bbox[2] - 230)).toBeLessThanOrEqual(1);
  expect(Math.abs(a.bbox[1] - 90)).toBeLessThanOrEqual(1);
  expect(Math.abs(a.bbox[1] + a.bbox[3] - 140)).toBeLessThanOrEqual(1);
  await page.mouse.move(at.x, at.y);
  await page.screenshot({ path: screenshotPath('masks-brush-painted') });

  // A second stroke adds to the selected annotation's mask; one undo takes back only that stroke.
  await drag(page, v, [
    { x: 220, y: 100 },
    { x: 220, y: 200 },
  ]);
  await expect.poll(async () => (await groundTruth())[0].area).toBeGreaterThan(a.area);
  expect(await groundTruth()).toHaveLength(1);
  await saved(page);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await groundTruth())[0].mask?.counts).toBe(a.mask!.counts);
  expect((await groundTruth())[0].bbox).toEqual(a.bbox);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await groundTruth()).length).toBe(0);
  await saved(page);
  expect(problems).toEqual([]);
});

test('Shift-drag paints a straight line; the eraser cuts a mask, K keeps the larger piece, X clears it', async ({ page }) => {
  const problems = watchConsole(page);
  await clearGroundTruth();
  await app.open(page);
  const v = await view(page);
  await page.keyboard.press('b');
  // A detour through (300, 300) while Shift is held: only the line from the press to the release is painted.
  await drag(
    page,
    v,
    [
      { x: 200, y: 200 },
      { x: 300, y: 300 },
      { x: 400, y: 200 },
    ],
    true,
  );
  await expect.poll(async () => (await groundTruth()).length).toBe(1);
  await saved(page);
  let [a] = await groundTruth();
  let m = maskOf(a);
  expect(m.at(300, 200) && m.at(205, 200) && m.at(395, 200)).toBe(true);
  expect(m.at(300, 300) || m.at(250, 250)).toBe(false);
  expect(Math.abs(a.bbox[3] - 16)).toBeLessThanOrEqual(1);

  // Erase across the line at x = 250: two pieces, the right one larger.
  await page.keyboard.press('e');
  const cut = screen(v, { x: 250, y: 150 });
  await page.mouse.move(cut.x, cut.y);
  await page.mouse.down();
  await page.mouse.move(cut.x, screen(v, { x: 250, y: 250 }).y, { steps: 8 });
  await page.screenshot({ path: screenshotPath('masks-eraser-stroke') });
  await page.mouse.up();
  await expect.poll(async () => (await groundTruth())[0].area).toBeLessThan(a.area);
  await saved(page);
  [a] = await groundTruth();
  m = maskOf(a);
  expect(m.at(250, 200)).toBe(false);
  expect(m.at(220, 200) && m.at(300, 200)).toBe(true);
  expect(a.area).toBe(m.count);

  await page.keyboard.press('k');
  await expect.poll(async () => maskOf((await groundTruth())[0]).at(220, 200)).toBe(false);
  await saved(page);
  [a] = await groundTruth();
  m = maskOf(a);
  expect(m.at(300, 200)).toBe(true);
  expect(a.bbox).toEqual(m.bbox);
  expect(Math.abs(a.bbox[0] - 258)).toBeLessThanOrEqual(1);

  await page.keyboard.press('x');
  await expect.poll(async () => (await groundTruth())[0].mask).toBeNull();
  [a] = await groundTruth();
  expect(a.area).toBeCloseTo(a.bbox[2] * a.bbox[3], 5);
  await saved(page);
  expect(problems).toEqual([]);
});

test('the polygon tool: clicked vertices, Backspace and Esc, closed on its first vertex or with Enter', async ({ page }) => {
  const problems = watchConsole(page);
  await clearGroundTruth();
  await app.open(page);
  const v = await view(page);
  const stage = page.getByTestId('image-stage');
  const click = async (p: { x: number; y: number }) => {
    const s = screen(v, p);
    await page.mouse.click(s.x, s.y);
  };
  await page.keyboard.press('p');

  // Esc drops the polygon being placed, and keeps the tool.
  await click({ x: 50, y: 50 });
  await click({ x: 120, y: 50 });
  await expect(stage).toHaveAttribute('data-gesture', 'polygon');
  await page.keyboard.press('Escape');
  await expect(stage).toHaveAttribute('data-gesture', '');
  await expect(page.getByRole('button', { name: 'Polygon' })).toHaveAttribute('aria-pressed', 'true');

  // A triangle closed by clicking its first vertex again.
  for (const p of [
    { x: 100, y: 300 },
    { x: 200, y: 300 },
    { x: 150, y: 400 },
  ])
    await click(p);
  await page.mouse.move(screen(v, { x: 110, y: 310 }).x, screen(v, { x: 110, y: 310 }).y);
  await page.screenshot({ path: screenshotPath('masks-polygon-placing') });
  await click({ x: 101, y: 301 });
  await expect.poll(async () => (await groundTruth()).length).toBe(1);
  await saved(page);
  let [a] = await groundTruth();
  let m = maskOf(a);
  // pycocotools' rule: the triangle of base 100 and height 100 holds about 5000 pixels.
  expect(Math.abs(m.count - 5000)).toBeLessThan(150);
  expect(a.area).toBe(m.count);
  expect(m.at(150, 350) && m.at(105, 301)).toBe(true);
  expect(m.at(110, 390) || m.at(150, 299)).toBe(false);

  // With the triangle selected, a square added with Enter after a stray vertex is taken back joins its mask.
  for (const p of [
    { x: 300, y: 100 },
    { x: 400, y: 100 },
    { x: 400, y: 200 },
    { x: 300, y: 200 },
    { x: 500, y: 450 },
  ])
    await click(p);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await groundTruth())[0].area).toBeGreaterThan(a.area);
  await saved(page);
  expect(await groundTruth()).toHaveLength(1);
  [a] = await groundTruth();
  m = maskOf(a);
  expect(a.area - 5000).toBeGreaterThan(9800);
  expect(m.at(350, 150) && m.at(150, 350)).toBe(true);
  expect(m.at(450, 300)).toBe(false);
  expect(a.bbox).toEqual(m.bbox);
  await page.screenshot({ path: screenshotPath('masks-polygon-closed') });
  expect(problems).toEqual([]);
});

/** The mask a moving box carries, as the canvas draws it under the pointer (in image pixels); null when none is. */
function carriedMask(page: Page) {
  return page.evaluate(() => {
    type Shape = { x(): number; y(): number; width(): number; height(): number };
    const konva = (window as unknown as { Konva: { stages: { findOne(s: string): Shape | undefined }[] } }).Konva;
    const c = konva.stages[0]?.findOne('.carried-mask');
    return c ? { x: c.x(), y: c.y(), width: c.width(), height: c.height() } : null;
  });
}

test('moving a box carries its mask, resizing scales it, and one undo puts both back', async ({ page }) => {
  const problems = watchConsole(page);
  await clearGroundTruth();
  await app.open(page);
  const v = await view(page);
  await page.keyboard.press('b');
  await drag(page, v, [
    { x: 150, y: 150 },
    { x: 150, y: 250 },
  ]);
  await expect.poll(async () => (await groundTruth()).length).toBe(1);
  await saved(page);
  const [before] = await groundTruth();
  const m0 = maskOf(before);

  // Select tool, then drag the selected box by (+100, +60) image pixels.
  await page.keyboard.press('v');
  const from = screen(v, { x: 150, y: 200 });
  const to = screen(v, { x: 250, y: 260 });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  // While the button is held, the mask is drawn where the box is now, before anything is stored.
  const dragging = (await carriedMask(page))!;
  expect(Math.abs(dragging.x - (m0.bbox[0] + 100))).toBeLessThan(1.5);
  expect(Math.abs(dragging.y - (m0.bbox[1] + 60))).toBeLessThan(1.5);
  expect(dragging.width).toBeCloseTo(m0.bbox[2], 5);
  expect((await groundTruth())[0].bbox).toEqual(before.bbox);
  // Its tag goes with it: the selected box's tag is drawn over the box's new place, not the old one.
  const tag = await page.evaluate(() => {
    type Labels = { getAttr(name: 'labels'): { x: number; y: number }[] };
    const konva = (window as unknown as { Konva: { stages: { find(s: string): Labels[] }[] } }).Konva;
    return konva.stages[0].find('.labels').flatMap((shape) => shape.getAttr('labels'))[0];
  });
  expect(Math.abs(tag.x - (before.bbox[0] + 100))).toBeLessThan(1.5);
  await page.screenshot({ path: screenshotPath('masks-box-dragging') });
  await page.mouse.up();
  expect(await carriedMask(page)).toBeNull();
  await expect.poll(async () => (await groundTruth())[0].bbox[0]).toBeGreaterThan(before.bbox[0] + 50);
  await saved(page);
  const [moved] = await groundTruth();
  const m1 = maskOf(moved);
  const dx = moved.bbox[0] - before.bbox[0];
  const dy = moved.bbox[1] - before.bbox[1];
  expect(Math.abs(dx - 100)).toBeLessThan(1.5);
  expect(Math.abs(dy - 60)).toBeLessThan(1.5);
  expect(m1.count).toBe(m0.count);
  expect(moved.area).toBe(m1.count);
  expect(Math.abs(m1.bbox[0] - moved.bbox[0])).toBeLessThan(1);
  expect(Math.abs(m1.bbox[1] - moved.bbox[1])).toBeLessThan(1);
  expect(m1.at(250, 260) && !m1.at(150, 200)).toBe(true);
  await page.screenshot({ path: screenshotPath('masks-box-moved') });

  // The bottom-right handle doubles the box's width: the mask is scaled with it.
  const handle = screen(v, { x: moved.bbox[0] + moved.bbox[2], y: moved.bbox[1] + moved.bbox[3] });
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move(handle.x + moved.bbox[2] * v.scale, handle.y, { steps: 10 });
  // The mask is drawn scaled with the box while the handle is held.
  const resizing = (await carriedMask(page))!;
  expect(Math.abs(resizing.width - 2 * m1.bbox[2])).toBeLessThan(2);
  expect(Math.abs(resizing.x - m1.bbox[0])).toBeLessThan(1);
  await page.screenshot({ path: screenshotPath('masks-box-resizing') });
  await page.mouse.up();
  await expect.poll(async () => (await groundTruth())[0].bbox[2]).toBeGreaterThan(moved.bbox[2] * 1.5);
  await saved(page);
  const [scaled] = await groundTruth();
  const m2 = maskOf(scaled);
  expect(Math.abs(m2.count / m1.count - scaled.bbox[2] / moved.bbox[2])).toBeLessThan(0.1);
  expect(Math.abs(m2.bbox[0] + m2.bbox[2] - (scaled.bbox[0] + scaled.bbox[2]))).toBeLessThan(1.5);

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await groundTruth())[0].mask?.counts).toBe(before.mask!.counts);
  expect((await groundTruth())[0].bbox).toEqual(before.bbox);
  await saved(page);
  expect(problems).toEqual([]);
});

test('the reshape tool traces the selected mask to an outline; a dragged vertex re-rasterises it, one undo each', async ({ page }) => {
  const problems = watchConsole(page);
  await clearGroundTruth();
  await app.open(page);
  const v = await view(page);
  await page.keyboard.press('p');
  for (const p of [
    { x: 300, y: 100 },
    { x: 400, y: 100 },
    { x: 400, y: 200 },
    { x: 300, y: 200 },
  ]) {
    const s = screen(v, p);
    await page.mouse.click(s.x, s.y);
  }
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await groundTruth()).length).toBe(1);
  await saved(page);
  const [square] = await groundTruth();

  await page.keyboard.press('t');
  const outline = () =>
    page.evaluate(() => {
      const konva = (window as unknown as { Konva: { stages: { findOne(s: string): { points(): number[] } | undefined }[] } }).Konva;
      return konva.stages[0]?.findOne('.mask-outline')?.points() ?? null;
    });
  // The square's pixels traced back to its four corners (within the clicks' rounding to the view).
  const corners = (await outline())!;
  expect(corners).toHaveLength(8);
  const vertices = [0, 1, 2, 3].map((i) => ({ x: corners[2 * i], y: corners[2 * i + 1] }));
  const index = vertices.findIndex((c) => Math.abs(c.x - 400) + Math.abs(c.y - 200) <= 2);
  expect(index).toBeGreaterThanOrEqual(0);
  const corner = vertices[index];

  // The view as it is now: the toolbar offers the selected mask's actions, and may have grown a row.
  const now = await view(page);
  const from = screen(now, corner);
  const to = screen(now, { x: 460, y: 260 });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.screenshot({ path: screenshotPath('masks-reshape-drag') });
  await page.mouse.up();
  await expect.poll(async () => (await groundTruth())[0].area).toBeGreaterThan(square.area);
  await saved(page);
  const [reshaped] = await groundTruth();
  const m = maskOf(reshaped);
  expect(m.at(430, 220) && m.at(350, 150)).toBe(true);
  expect(m.at(300, 250) || m.at(460, 120)).toBe(false);
  expect(reshaped.area).toBe(m.count);
  expect(reshaped.bbox).toEqual(m.bbox);
  // The vertex stays where it was let go, within a pixel: the pointer's position on the page may be rounded to a
  // whole screen pixel (1 / scale image pixels), and the stage's place on the page is not on whole pixels.
  const [placedX, placedY] = (await outline())!.slice(2 * index, 2 * index + 2);
  const pixel = Math.max(1, 1 / now.scale);
  expect(Math.abs(placedX - 460)).toBeLessThanOrEqual(pixel);
  expect(Math.abs(placedY - 260)).toBeLessThanOrEqual(pixel);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await groundTruth())[0].mask?.counts).toBe(square.mask!.counts);
  await saved(page);
  expect(problems).toEqual([]);
});
