import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeImageFolder } from '../helpers/imageFolder.js';
import { smallImages } from '../helpers/smallImages.js';
import { expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp, openFolderByPath } from './fixtures.js';

let app: RunningApp;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-browser-'));
  // A dataset whose images all sit below its top folder.
  await smallImages(join(work, 'dataset', 'sub'), 2);
  await smallImages(join(work, 'dataset', 'sub', 'deeper'), 3);
  mkdirSync(join(work, 'labels'));
  writeFileSync(join(work, 'labels', 'gt.json'), '{}');
  writeFileSync(join(work, 'labels', 'photo.png'), 'not listed for an import');
  mkdirSync(join(work, 'nothing-here'));
  process.env.PEDLAB_MODELS_MANIFEST = join(work, 'no-manifest.json');
  app = await startApp();
});
test.afterAll(() => {
  delete process.env.PEDLAB_MODELS_MANIFEST;
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

test('picks a folder in the browser of Open folder…, and lists the images of its subfolders', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await page.getByRole('button', { name: 'Open folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open folder' });
  // The browser starts at the folder typed (or the nearest one above it that exists).
  await dialog.getByLabel('Folder path').fill(join(work, 'not-yet'));
  await dialog.getByRole('button', { name: 'Browse…' }).click();
  const browser = dialog.getByRole('group', { name: 'Folder browser' });
  await expect(browser.getByTestId('browser-path')).toHaveText(work);
  await expect(browser.getByRole('list', { name: 'Folder contents' }).getByRole('button')).toHaveText([/dataset$/, /labels$/, /nothing-here$/]);
  await browser.getByRole('button', { name: 'dataset' }).click();
  await browser.getByRole('button', { name: 'sub' }).click();
  await expect(browser.getByTestId('browser-path')).toHaveText(join(work, 'dataset', 'sub'));
  await expect(browser.getByRole('button', { name: 'deeper' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('folder-browser') });
  await browser.getByRole('button', { name: 'Up one folder' }).click();
  await expect(browser.getByTestId('browser-path')).toHaveText(join(work, 'dataset'));
  await browser.getByRole('button', { name: 'Choose this folder' }).click();
  await expect(browser).toHaveCount(0);
  await expect(dialog.getByLabel('Folder path')).toHaveValue(join(work, 'dataset'));
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();

  await expect(page.getByTestId('project-name')).toHaveText('dataset');
  await expect(page.getByTestId('project-counts')).toHaveText('5 images');
  await expect(page.getByTestId('image-item')).toHaveCount(5);
  expect(problems).toEqual([]);
});

test('refuses a folder with no images instead of making an empty project', async ({ page }) => {
  await app.open(page);
  await openFolderByPath(page, join(work, 'nothing-here'));
  await expect(page.locator('.dialog-error')).toContainText(`No PNG or JPEG images in ${join(work, 'nothing-here')}, nor in its subfolders`);
});

test('the header counts only the images that open, and the unreadable ones apart', async ({ page }) => {
  const folder = await makeImageFolder(join(work, 'street'));
  await app.open(page);
  await openFolderByPath(page, folder.dir);
  await expect(page.getByTestId('project-name')).toHaveText('street');
  await expect(page.getByTestId('image-item')).toHaveCount(6);
  await expect(page.getByTestId('project-counts')).toHaveText('3 images · 3 unreadable');
});

test('picks the file to import in the browser, which lists only files an import reads', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Source', { exact: true }).fill(join(work, 'labels'));
  await dialog.getByRole('button', { name: 'Browse…' }).first().click();
  const browser = dialog.getByRole('group', { name: 'Folder browser' });
  await expect(browser.getByTestId('browser-path')).toHaveText(join(work, 'labels'));
  await expect(browser.getByRole('list', { name: 'Folder contents' }).getByRole('button')).toHaveText([/gt\.json$/]);
  await page.screenshot({ path: screenshotPath('folder-browser-import') });
  await browser.getByRole('button', { name: 'gt.json' }).click();
  await expect(browser).toHaveCount(0);
  await expect(dialog.getByLabel('Source', { exact: true })).toHaveValue(join(work, 'labels', 'gt.json'));
  expect(problems).toEqual([]);
});
