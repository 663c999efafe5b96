import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ImageEntry } from '../../core/ipc/types.js';
import { callApi, expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-categories-'));
  const folder = join(work, 'street');
  mkdirSync(folder);
  await sharp({ create: { width: 480, height: 320, channels: 3, background: '#6b7f5a' } })
    .png()
    .toFile(join(folder, 'a.png'));
  // Only the two imported models, so they are the pair compared.
  process.env.PEDLAB_MODELS_MANIFEST = join(work, 'no-manifest.json');
  app = await startApp({ project: folder });
  const [image] = await callApi<ImageEntry[]>(app, 'images.list');
  const [pedestrian] = await callApi<{ id: number }[]>(app, 'categories.list');
  await callApi(app, 'categories.create', { name: 'person' });
  const box = [40, 40, 60, 150];
  await callApi(app, 'annotations.commit', {
    imageId: image.id,
    create: [{ categoryId: pedestrian.id, bbox: box, area: 9000, iscrowd: false, mask: null }],
    update: [],
    delete: [],
  });
  const gt = join(work, 'gt.json');
  await callApi(app, 'project.export', { format: 'coco', path: gt });
  // Model B's ground truth calls the category "person": its predictions land in the project's "person".
  const personGt = join(work, 'person-gt.json');
  const coco = JSON.parse(readFileSync(gt, 'utf8'));
  writeFileSync(personGt, JSON.stringify({ ...coco, categories: coco.categories.map((c: { id: number }) => ({ ...c, name: 'person' })) }));
  const results = join(work, 'results.json');
  writeFileSync(results, JSON.stringify([{ image_id: coco.images[0].id, category_id: coco.categories[0].id, bbox: box, score: 0.9 }]));
  await callApi(app, 'project.import', { format: 'coco-results', path: results, options: { gt, modelName: 'Matching' } });
  const other = join(work, 'other.json');
  writeFileSync(other, readFileSync(results));
  await callApi(app, 'project.import', { format: 'coco-results', path: other, options: { gt: personGt, modelName: 'Person detector' } });
});
test.afterAll(() => {
  delete process.env.PEDLAB_MODELS_MANIFEST;
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

test('the compare view says when a model and the ground truth share no category, instead of silent zeros', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  const warning = page.getByTestId('category-mismatch');
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('Person detector predicts only "person" and the ground truth labels only "pedestrian": they share no category');
  await page.screenshot({ path: screenshotPath('compare-category-mismatch') });
  expect(problems).toEqual([]);
});
