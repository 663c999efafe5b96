import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { callApi, expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
let work: string;
let folder: string;

/** A COCO file whose pedestrians are called "person", with a category the project does not have. */
function writePeopleCoco(path: string): void {
  const box = (x: number) => ({ bbox: [x, 30, 40, 100], area: 4000, iscrowd: 0 });
  writeFileSync(
    path,
    JSON.stringify({
      images: [
        { id: 1, file_name: 'a.png', width: 320, height: 200 },
        { id: 2, file_name: 'b.png', width: 320, height: 200 },
      ],
      categories: [
        { id: 1, name: 'person' },
        { id: 2, name: 'bicycle' },
      ],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, ...box(20) },
        { id: 2, image_id: 1, category_id: 1, ...box(120) },
        { id: 3, image_id: 1, category_id: 2, ...box(220) },
        { id: 4, image_id: 2, category_id: 1, ...box(60) },
      ],
    }),
  );
}

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-import-dialog-'));
  folder = join(work, 'street');
  mkdirSync(folder);
  // Distinct pictures: predictions are stored by image content.
  for (const [name, background] of [
    ['a.png', '#5a6b7f'],
    ['b.png', '#6b7f5a'],
  ]) {
    await sharp({ create: { width: 320, height: 200, channels: 3, background } })
      .png()
      .toFile(join(folder, name));
  }
  writePeopleCoco(join(work, 'people.json'));
  process.env.PEDLAB_MODELS_MANIFEST = join(work, 'no-manifest.json');
  app = await startApp({ project: folder });
});
test.afterAll(() => {
  delete process.env.PEDLAB_MODELS_MANIFEST;
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

test('the import dialog reads the source, maps its categories onto the project, and imports', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByLabel('Format')).toHaveValue('coco');
  await dialog.getByLabel('Source', { exact: true }).fill(join(work, 'people.json'));
  // "person" is offered as the project's "pedestrian"; "bicycle", which the project lacks, becomes a new category.
  await expect(dialog.getByLabel('Store person as')).toHaveValue('pedestrian');
  await expect(dialog.getByLabel('Store bicycle as')).toHaveValue('');
  await expect(dialog.getByLabel('Store bicycle as').locator('option:checked')).toHaveText('new category “bicycle”');
  await page.screenshot({ path: screenshotPath('import-dialog-categories') });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('Imported 4 annotations on 2 images.');
  await expect(dialog.getByTestId('import-report')).toContainText('New categories: bicycle.');
  await page.screenshot({ path: screenshotPath('import-dialog-report') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  // The list and the canvas show the imported boxes without reopening the project.
  await expect(page.locator('[data-testid="image-item"][data-file-name="a.png"]')).toContainText('3 boxes');
  const names = (await callApi<{ name: string }[]>(app, 'categories.list')).map((c) => c.name);
  expect(names.sort()).toEqual(['bicycle', 'pedestrian']);
  expect(problems).toEqual([]);
});

test('a source that cannot be read says why in the dialog, and imports nothing', async ({ page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const missing = join(work, 'missing.json');
  await dialog.getByLabel('Source', { exact: true }).fill(missing);
  await expect(dialog.getByTestId('import-categories-state')).toContainText('missing.json');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.locator('.dialog-error')).toContainText('missing.json');
  await expect(dialog.getByTestId('import-report')).toHaveCount(0);
});

test('the export dialog writes any format, and replaces a file it did not write only when asked again', async ({ page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const target = join(work, 'out.json');
  writeFileSync(target, "a file of the user's");
  await dialog.getByLabel('File', { exact: true }).fill(target);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-replace')).toContainText('out.json');
  expect(readFileSync(target, 'utf8')).toBe("a file of the user's");
  await page.screenshot({ path: screenshotPath('export-dialog-replace') });
  await dialog.getByRole('button', { name: 'Replace and export' }).click();
  await expect(dialog.getByTestId('export-report')).toContainText('Wrote 4 annotations of 2 images');
  expect(JSON.parse(readFileSync(target, 'utf8')).annotations).toHaveLength(4);
  // A folder format: the field asks for a folder, and VOC says what it could not hold.
  await dialog.getByLabel('Format').selectOption('voc');
  const voc = join(work, 'voc');
  await dialog.getByLabel('Folder', { exact: true }).fill(voc);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-report')).toContainText('(2 files)');
  expect(existsSync(join(voc, 'a.xml'))).toBe(true);
});

test("a model's predictions come in through the same dialog, their categories read from the ground truth they refer to", async ({ page }) => {
  const results = join(work, 'detector-results.json');
  writeFileSync(
    results,
    JSON.stringify([
      { image_id: 1, category_id: 1, bbox: [22, 30, 40, 100], score: 0.9 },
      { image_id: 2, category_id: 1, bbox: [60, 32, 40, 96], score: 0.7 },
    ]),
  );
  await app.open(page);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Format').selectOption('coco-results');
  await dialog.getByLabel('Source', { exact: true }).fill(results);
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog.getByLabel('Ground truth the results refer to (COCO JSON)').fill(join(work, 'people.json'));
  await expect(dialog.getByLabel('Store person as')).toHaveValue('pedestrian');
  await dialog.getByLabel("Model name (default: the file's name)").fill('Street detector');
  await page.screenshot({ path: screenshotPath('import-dialog-results') });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('Stored 2 predictions on 2 images as model “Street detector”.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('complementary', { name: 'Models' })).toContainText('Street detector');
});
