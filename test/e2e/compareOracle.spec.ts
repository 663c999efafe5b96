import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { sharedFile } from '../helpers/shared.js';
import { callApi, expect, screenshotPath, startApp, stopApp, test, type RunningApp } from './fixtures.js';

const gt = sharedFile('data', 'coco_cases', 'faster_coco_eval_small', 'gt_ignore_test.json');
const dt = sharedFile('data', 'coco_cases', 'faster_coco_eval_small', 'dt_ignore_test.json');

// pycocotools' numbers for this case (person boxes with a crowd region; detections scoring under 0.1 dropped),
// from ../shared/data/coco_cases/README.txt.
const EXPECTED: Record<string, string> = {
  AP: '0.710',
  AP50: '1.000',
  AP75: '0.842',
  APsmall: '—',
  APmedium: '0.710',
  APlarge: '—',
  AR1: '0.000',
  AR10: '0.454',
  AR100: '0.715',
  ARmedium: '0.715',
};

test.describe('the compare view agrees with pycocotools', () => {
  test.skip(!gt || !dt, 'needs ../shared/data/coco_cases');
  let app: RunningApp;
  let work: string;

  test.beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pedlab-oracle-'));
    const folder = join(work, 'coco');
    mkdirSync(folder);
    // The case ships no pixels; a blank image of the right size stands in for COCO's 000000002299.jpg.
    await sharp({ create: { width: 500, height: 302, channels: 3, background: '#777777' } })
      .jpeg()
      .toFile(join(folder, '000000002299.jpg'));
    const kept = (JSON.parse(readFileSync(dt!, 'utf8')) as { score: number }[]).filter((d) => d.score >= 0.1);
    app = await startApp({ project: folder });
    await callApi(app, 'project.import', { format: 'coco', path: gt, options: { imageRoot: folder } });
    // One results file per model: an imported model is its file.
    for (const name of ['Detector', 'Same detector']) {
      const results = join(work, `${name.replace(' ', '_')}.json`);
      writeFileSync(results, JSON.stringify(kept));
      await callApi(app, 'project.import', { format: 'coco-results', path: results, options: { gt, modelName: name } });
    }
  });
  test.afterAll(() => {
    stopApp(app);
    rmSync(work, { recursive: true, force: true });
  });

  test('shows the 12 stats pycocotools prints for the same ground truth and results', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await app.open(page);
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('combobox', { name: 'Model A' }).selectOption({ label: 'Detector' });
    await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Same detector' });
    for (const [name, value] of Object.entries(EXPECTED)) {
      await expect(page.locator(`[data-testid="stats-table"] tr[data-stat="${name}"] td[data-model="a"]`), name).toHaveText(value);
    }
    await page.screenshot({ path: screenshotPath('compare-oracle') });
  });
});
