import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation, ImageEntry } from '../../core/ipc/types.js';
import { bitmapToRle, emptyBitmap } from '../../core/masks/bitmap.js';
import { rleToCoco } from '../../core/masks/rleString.js';
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
import { gradientFolder, maskOf } from './storedMasks.js';

// Mask edits undone and redone with the keyboard, at a zoom far out and far in. Every point lies within 60 image
// pixels of the image's centre, which the zoom field keeps at the stage's centre, so all are in view at both.
let app: RunningApp;
let work: string;
let image: ImageEntry;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-mask-undo-'));
  app = await startApp({ project: await gradientFolder(join(work, 'street')) });
  [image] = await callApi<ImageEntry[]>(app, 'images.list');
});
test.afterAll(() => {
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

const groundTruth = () => callApi<Annotation[]>(app, 'annotations.list', { imageId: image.id });

/** The image's ground truth replaced by these annotations (none: empty). */
const setGroundTruth = (create: Omit<Annotation, 'id' | 'imageId'>[]) => replaceGroundTruth(app, image.id, create);

async function openAtZoom(page: Page, zoom: number) {
  await app.open(page);
  await setZoom(page, zoom);
  return view(page);
}

/** The stored masks' counts, in the store's order (null for an annotation without one). */
const storedCounts = async () => (await groundTruth()).map((a) => a.mask?.counts ?? null);

/** A square ring round the image's centre: 60 px across with a 20 px hole, as an annotation of the first label. */
async function ring(): Promise<Omit<Annotation, 'id' | 'imageId'>> {
  const [category] = await callApi<{ id: number }[]>(app, 'categories.list');
  const bitmap = emptyBitmap(image.height!, image.width!);
  for (let x = 290; x < 350; x++) for (let y = 210; y < 270; y++) if (x < 310 || x >= 330 || y < 230 || y >= 250) bitmap.data[x * bitmap.h + y] = 1;
  return { categoryId: category.id, bbox: [290, 210, 60, 60], area: 3600 - 400, iscrowd: false, mask: rleToCoco(bitmapToRle(bitmap)) };
}

for (const zoom of [0.37, 3.1]) {
  test(`a brush stroke and a polygon are each undone and redone at zoom ${zoom}`, async ({ page }) => {
    const problems = watchConsole(page);
    await setGroundTruth([]);
    const v = await openAtZoom(page, zoom);

    // A stroke from (280, 220) to (360, 220) with the brush's radius of 8 image pixels.
    await page.keyboard.press('b');
    const [from, to] = [screen(v, { x: 280, y: 220 }), screen(v, { x: 360, y: 220 })];
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await groundTruth()).length).toBe(1);
    await saved(page);
    const [stroke] = await groundTruth();
    const s = maskOf(stroke);
    expect(s.at(320, 220) && s.at(282, 224) && s.at(358, 216)).toBe(true);
    // The line's distance from the path, with a screen pixel's slack for where the mouse could land.
    const slack = Math.max(1, 1 / zoom);
    expect(s.at(320, 220 - 8 - slack - 1) || s.at(320, 220 + 8 + slack + 1)).toBe(false);
    expect(stroke.area).toBe(s.count);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await groundTruth()).length).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(storedCounts).toEqual([stroke.mask!.counts]);
    await saved(page);

    // A polygon closed with Enter (the redo left nothing selected: it is a new annotation): 60 × 40 pixels.
    await page.keyboard.press('p');
    for (const p of [
      { x: 290, y: 250 },
      { x: 350, y: 250 },
      { x: 350, y: 290 },
      { x: 290, y: 290 },
    ]) {
      const at = screen(v, p);
      await page.mouse.click(at.x, at.y);
    }
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await groundTruth()).length).toBe(2);
    await saved(page);
    const polygon = (await groundTruth()).find((a) => a.id !== stroke.id)!;
    const p = maskOf(polygon);
    expect(Math.abs(p.count - 2400)).toBeLessThan(130 * Math.max(1, 1 / zoom));
    expect(p.at(320, 270) && !p.at(320, 245) && !p.at(285, 270)).toBe(true);
    expect(polygon.area).toBe(p.count);
    await page.screenshot({ path: screenshotPath(`masks-undo-${zoom}`) });

    await page.keyboard.press('Control+z');
    await expect.poll(storedCounts).toEqual([stroke.mask!.counts]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await storedCounts()).sort()).toEqual([stroke.mask!.counts, polygon.mask!.counts].sort());
    await saved(page);
    expect(problems).toEqual([]);
  });

  test(`H fills the holes of the selected mask, undone and redone, at zoom ${zoom}`, async ({ page }) => {
    const problems = watchConsole(page);
    await setGroundTruth([await ring()]);
    await openAtZoom(page, zoom);
    const [before] = await groundTruth();
    expect(maskOf(before).at(320, 240)).toBe(false);

    await page.keyboard.press('Control+a');
    await expect(page.getByTestId('status-boxes')).toHaveText('1 box · 1 selected');
    await page.keyboard.press('h');
    await expect.poll(async () => (await groundTruth())[0].area).toBe(3600);
    await saved(page);
    const [filled] = await groundTruth();
    const m = maskOf(filled);
    expect(m.count).toBe(3600);
    expect(m.at(320, 240)).toBe(true);
    expect(filled.bbox).toEqual([290, 210, 60, 60]);

    await page.keyboard.press('Control+z');
    await expect.poll(storedCounts).toEqual([before.mask!.counts]);
    expect((await groundTruth())[0].area).toBe(3200);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(storedCounts).toEqual([filled.mask!.counts]);
    await saved(page);
    expect(problems).toEqual([]);
  });
}
