import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ImageEntry } from '../../core/ipc/types.js';
import { callApi, expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-report-link-'));
  const folder = join(work, 'street');
  mkdirSync(folder);
  for (const [name, background] of [
    ['a.png', '#6b7f5a'],
    ['b.png', '#5a6b7f'],
  ]) {
    await sharp({ create: { width: 320, height: 200, channels: 3, background } })
      .png()
      .toFile(join(folder, name));
  }
  process.env.PEDLAB_MODELS_MANIFEST = join(work, 'no-manifest.json');
  app = await startApp({ project: folder });
  const [image] = await callApi<ImageEntry[]>(app, 'images.list');
  const [category] = await callApi<{ id: number }[]>(app, 'categories.list');
  await callApi(app, 'annotations.commit', {
    imageId: image.id,
    create: [{ categoryId: category.id, bbox: [40, 40, 60, 120], area: 7200, iscrowd: false, mask: null }],
    update: [],
    delete: [],
  });
  const gt = join(work, 'gt.json');
  await callApi(app, 'project.export', { format: 'coco', path: gt });
  for (const [name, score] of [
    ['Model A', 0.9],
    ['Model B', 0.6],
  ] as const) {
    const path = join(work, `${name.replace(' ', '_')}.json`);
    writeFileSync(path, JSON.stringify([{ image_id: image.id, category_id: 1, bbox: [42, 42, 58, 118], score }]));
    await callApi(app, 'project.import', { format: 'coco-results', path, options: { gt, modelName: name } });
  }
});
test.afterAll(() => {
  delete process.env.PEDLAB_MODELS_MANIFEST;
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

test('exports the report into the data folder by default, then opens it through its link', async ({ page, context }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Model A' }).selectOption({ label: 'Model A' });
  await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Model B' });
  await page.getByRole('button', { name: 'Export report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  const day = new Date().toISOString().slice(0, 10);
  const dir = join(app.dataDir, 'reports', `street-${day}`);
  await expect(dialog.getByLabel('Folder', { exact: true })).toHaveValue(dir);
  await dialog.getByRole('checkbox', { name: 'PDF' }).uncheck();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('report-files')).toContainText(join(dir, 'report.html'));
  const link = dialog.getByRole('link', { name: 'Open the report' });
  await expect(link).toBeVisible();
  await page.screenshot({ path: screenshotPath('report-exported') });

  const [report] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await report.waitForLoadState();
  await expect(report.locator('body')).toContainText('Model A');
  await expect(report.locator('body')).toContainText('Model B');
  await report.screenshot({ path: screenshotPath('report-opened') });
  expect(problems).toEqual([]);
});
