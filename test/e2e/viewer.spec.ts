import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeImageFolder } from '../helpers/imageFolder.js';
import { expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp, openFolderByPath } from './fixtures.js';

let app: RunningApp;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-viewer-'));
  app = await startApp();
});
test.afterAll(() => {
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

test('opens the bundled sample project on first run', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await expect(page.getByTestId('project-name')).toHaveText('vtest');
  await expect(page.getByTestId('image-item')).toHaveCount(12);
  await expect(page).toHaveTitle('vtest — Pedlab');
  // The sample ships its ground truth.
  await expect(page.getByTestId('status-boxes')).toHaveText(/^[1-9]\d* boxes/);
  await page.screenshot({ path: screenshotPath('sample-project') });
  expect(problems).toEqual([]);
});

test('opens a folder, lists it with errors, selects an image and zooms to the cursor', async ({ page }) => {
  const problems = watchConsole(page);
  const folder = await makeImageFolder(join(work, 'street'));
  await app.open(page);

  await openFolderByPath(page, folder.dir);
  await expect(page.getByTestId('project-name')).toHaveText('street');

  const items = page.getByTestId('image-item');
  await expect(items).toHaveCount(6);
  for (const [name, pattern] of Object.entries(folder.broken)) {
    await expect(page.locator(`[data-file-name="${name}"] [data-testid="image-error"]`)).toHaveText(pattern);
  }
  for (const name of folder.good) {
    const thumb = page.locator(`[data-file-name="${name}"] img.thumb`);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }

  // Selecting a broken entry says why instead of drawing.
  await page.locator('[data-file-name="truncated.jpg"]').click();
  await expect(page.locator('.stage-empty')).toContainText('truncated.jpg: image data is truncated or corrupt');

  // The sideways phone photo is drawn upright: 200 wide, 300 high.
  await page.locator('[data-file-name="rotated_phone.jpg"]').click();
  const stage = page.getByTestId('image-stage');
  await expect(stage).toHaveAttribute('data-image-loaded', 'true');
  await expect(page.locator('.status-bar')).toContainText('200×300 px');

  await page.locator('[data-file-name="street_02.jpg"]').click();
  await expect(stage).toHaveAttribute('data-image-loaded', 'true');
  await expect(page.locator('.status-bar')).toContainText('800×600 px');
  const fitted = Number(await stage.getAttribute('data-zoom'));
  expect(fitted).toBeGreaterThan(0.5);
  expect(fitted).toBeLessThan(1.5);

  // Zoom in at a point: the image pixel under the cursor stays under it.
  const box = (await stage.boundingBox())!;
  const at = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.4 };
  await page.mouse.move(at.x, at.y);
  const before = await page.getByTestId('status-cursor').textContent();
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(fitted * 1.5);
  await page.mouse.move(at.x + 1, at.y);
  await page.mouse.move(at.x, at.y);
  const after = await page.getByTestId('status-cursor').textContent();
  const coords = (s: string | null) => (s ?? '').match(/[\d.]+/g)!.map(Number);
  expect(Math.abs(coords(after)[0] - coords(before)[0])).toBeLessThan(1);
  expect(Math.abs(coords(after)[1] - coords(before)[1])).toBeLessThan(1);
  await page.screenshot({ path: screenshotPath('viewer-zoomed') });

  await page.keyboard.press('f');
  await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(fitted, 3);
  await page.screenshot({ path: screenshotPath('viewer-folder') });
  expect(problems).toEqual([]);
});

test('a folder that does not exist is refused in the dialog', async ({ page }) => {
  await app.open(page);
  await openFolderByPath(page, join(work, 'missing'));
  await expect(page.locator('.dialog-error')).toContainText('Folder not found');
});
