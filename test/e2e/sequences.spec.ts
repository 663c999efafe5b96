import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMotSequence } from '../helpers/motSequences.js';
import { callApi, expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-sequences-'));
  const train = join(work, 'train');
  // Both sequences name their frames 000001.png…; the later one sorts first by name alone.
  await writeMotSequence(train, { name: 'MOT17-10', gt: ['1,4,5,5,4,6,1,1,0.5', '2,4,6,5,4,6,1,1,0.25'], frames: 2, shade: 200 });
  await writeMotSequence(train, { name: 'MOT17-02', gt: ['1,1,2,3,10,12,1,1,0.9', '3,1,4,3,10,12,1,1,1'], frames: 3, shade: 10 });
  process.env.PEDLAB_MODELS_MANIFEST = join(work, 'no-manifest.json');
  app = await startApp({ project: train });
  await callApi(app, 'project.import', { format: 'mot', path: train });
});
test.afterAll(() => {
  delete process.env.PEDLAB_MODELS_MANIFEST;
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

test('the image list shows each frame with its sequence, sequence by sequence in frame order', async ({ page }) => {
  const problems = watchConsole(page);
  await app.open(page);
  const items = page.getByTestId('image-item');
  await expect(items).toHaveCount(5);
  await expect(items.locator('.file-name')).toHaveText([
    'MOT17-02/000001.png',
    'MOT17-02/000002.png',
    'MOT17-02/000003.png',
    'MOT17-10/000001.png',
    'MOT17-10/000002.png',
  ]);
  await page.screenshot({ path: screenshotPath('image-list-sequences') });
  expect(problems).toEqual([]);
});
