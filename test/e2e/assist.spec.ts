import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation, ImageEntry } from '../../core/ipc/types.js';
import { COCO_CLASSES } from '../../core/detect/classes.js';
import { sharedFile, YOLOX_NANO } from '../helpers/shared.js';
import { callApi, expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp } from './fixtures.js';

const nano = sharedFile(...YOLOX_NANO);

test.describe('model-assisted labelling', () => {
  test.skip(!nano, 'needs ../shared (the YOLOX-Nano person detector)');
  let app: RunningApp;
  let work: string;

  test.beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pedlab-assist-'));
    const folder = join(work, 'frames');
    mkdirSync(folder);
    copyFileSync(join('samples', 'vtest', 'vtest_frame070.jpg'), join(folder, 'frame070.jpg'));
    const manifest = join(work, 'manifest.json');
    const yolox = { name: 'YOLOX-Nano', variant: 'COCO 416', file: nano, kind: 'yolox', input: 'bgr255-letterbox', classes: COCO_CLASSES };
    writeFileSync(manifest, JSON.stringify({ models: [yolox] }));
    process.env.PEDLAB_MODELS_MANIFEST = manifest;
    app = await startApp({ project: folder });
  });
  test.afterAll(() => {
    stopApp(app);
    delete process.env.PEDLAB_MODELS_MANIFEST;
    rmSync(work, { recursive: true, force: true });
  });

  test('accepts the prediction under the cursor (Enter) and all shown predictions (Shift+Enter), undoably', async ({ page }) => {
    const problems = watchConsole(page);
    await app.open(page);
    const [image] = await callApi<ImageEntry[]>(app, 'images.list');
    const groundTruth = () => callApi<Annotation[]>(app, 'annotations.list', { imageId: image.id });
    const panel = page.getByRole('complementary', { name: 'Models' });
    const model = panel.locator('[data-model-name="YOLOX-Nano"]');
    await model.getByRole('button', { name: 'Run' }).click();
    await expect(model.getByTestId('run-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await model.getByRole('radio').check();
    await expect(panel.getByTestId('predictions-shown')).toHaveText(/^[1-9]\d* shown/);
    const shown = Number((await panel.getByTestId('predictions-shown').textContent())!.match(/\d+/)![0]);
    type Box = [number, number, number, number];
    const predictions = (await callApi<{ bbox: Box; score: number }[]>(app, 'predictions.forImage', { imageId: image.id, modelId: 1 }))
      .sort((a, b) => b.score - a.score)
      .slice(0, shown);

    // Point at the middle of the best prediction and press Enter: the prediction pointed at (the smallest box
    // holding the cursor) becomes ground truth with the same box.
    const stage = page.getByTestId('image-stage');
    const [ox, oy] = (await stage.getAttribute('data-offset'))!.split(',').map(Number);
    const scale = Number(await stage.getAttribute('data-zoom'));
    const origin = (await stage.boundingBox())!;
    const best = predictions[0].bbox;
    const point = { x: Math.round(ox + (best[0] + best[2] / 2) * scale), y: Math.round(oy + (best[1] + best[3] / 2) * scale) };
    const at = { x: (point.x - ox) / scale, y: (point.y - oy) / scale };
    const holding = predictions.filter(({ bbox: [x, y, w, h] }) => at.x >= x && at.x <= x + w && at.y >= y && at.y <= y + h);
    const pointed = holding.sort((a, b) => a.bbox[2] * a.bbox[3] - b.bbox[2] * b.bbox[3])[0].bbox;
    await page.mouse.move(origin.x + point.x, origin.y + point.y);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await groundTruth()).length).toBe(1);
    expect((await groundTruth())[0].bbox.map((v) => Math.round(v))).toEqual(pointed.map((v) => Math.round(v)));

    // Shift+Enter takes every other shown prediction in one step (the one accepted is there already, so it is
    // skipped, and the notice says so); one undo removes them all again.
    await page.keyboard.press('Shift+Enter');
    await expect(page.getByTestId('editor-notice')).toHaveText(new RegExp(`^Accepted ${shown - 1} predictions?; skipped 1 `));
    await expect.poll(async () => (await groundTruth()).length).toBe(shown);
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await page.screenshot({ path: screenshotPath('editor-accepted-predictions') });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await groundTruth()).length).toBe(1);
    expect(problems).toEqual([]);
  });
});
