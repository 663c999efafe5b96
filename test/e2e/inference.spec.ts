import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { COCO_CLASSES } from '../../core/detect/classes.js';
import { readManifest } from '../../main/inference/manifest.js';
import { sharedFile, YOLOX_NANO } from '../helpers/shared.js';
import { testModels } from '../helpers/testModels.js';
import { expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp } from './fixtures.js';

const nano = sharedFile(...YOLOX_NANO);
const models = testModels();
const SAMPLE = join('samples', 'vtest');

const bundled = readManifest(join('models', 'manifest.json')).filter((m) => existsSync(m.path));

let app: RunningApp;
let work: string;
let imageCount = 0;

/** The sample frames plus mirrored and re-lit copies (new content, so no cache hits): enough work to watch and cancel. */
async function streetProject(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(SAMPLE)) {
    const source = join(SAMPLE, name);
    const stem = name.replace(/\.jpg$/, '');
    await sharp(source).toFile(join(dir, `${stem}.jpg`));
    await sharp(source)
      .flop()
      .jpeg({ quality: 90 })
      .toFile(join(dir, `${stem}_mirrored.jpg`));
    await sharp(source)
      .modulate({ brightness: 1.25 })
      .jpeg({ quality: 90 })
      .toFile(join(dir, `${stem}_bright.jpg`));
    await sharp(source)
      .modulate({ brightness: 0.8 })
      .jpeg({ quality: 90 })
      .toFile(join(dir, `${stem}_dim.jpg`));
    imageCount += 4;
  }
  return dir;
}

test.describe('the bundled models', () => {
  test.skip(bundled.length < 2, 'the bundled ONNX files are not in models/ yet');
  let sample: RunningApp;
  test.beforeAll(async () => {
    sample = await startApp();
  });
  test.afterAll(() => stopApp(sample));

  test('are listed on the sample project; both run, one is cancelled, the other draws its predictions', async ({ page }) => {
    test.setTimeout(180_000);
    const problems = watchConsole(page);
    await sample.open(page);
    const panel = page.getByRole('complementary', { name: 'Models' });
    const [first, second] = bundled.map((m) => panel.locator(`[data-model-name="${m.entry.name}"]`));
    await expect(first).toContainText(`${bundled[0].entry.variant} · bundled`);
    await expect(second).toContainText(`${bundled[1].entry.variant} · bundled`);
    await expect(first.getByTestId('model-provider')).toHaveText('not run yet');

    await panel.getByRole('button', { name: 'Run both' }).click();
    const firstRun = first.getByTestId('run-progress');
    await expect(firstRun).toContainText(/img\/s/, { timeout: 60_000 });
    await expect(first.getByTestId('model-provider')).toHaveText('CPU');
    await first.getByRole('button', { name: 'Cancel' }).click();
    await expect(firstRun).toHaveAttribute('data-state', 'cancelled');

    await expect(second.getByTestId('run-progress')).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    await expect(second.getByTestId('run-count')).toHaveText('12/12');
    // The frame with the most confident predictions of the finished model, drawn.
    await second.getByRole('radio').check();
    const shown = panel.getByTestId('predictions-shown');
    let best = { count: -1, index: 0 };
    for (let i = 0; i < 12; i++) {
      await page.getByTestId('image-item').nth(i).click();
      await page.waitForTimeout(300);
      const count = Number((await shown.textContent())!.split(' ')[0]);
      if (count > best.count) best = { count, index: i };
    }
    expect(best.count).toBeGreaterThan(0);
    await page.getByTestId('image-item').nth(best.index).click();
    await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
    await expect(shown).toHaveText(new RegExp(`^${best.count} shown`));
    await page.screenshot({ path: screenshotPath('inference-bundled') });
    expect(problems).toEqual([]);
  });
});

test.describe('a one-stage baseline beside a Mask R-CNN', () => {
  test.skip(!nano || !models, 'needs ../shared (YOLOX-Nano) and Debian torch to export a Mask R-CNN');

  test.beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pedlab-inference-'));
    const manifest = join(work, 'manifest.json');
    const yolox = { name: 'YOLOX-Nano', variant: 'COCO 416', file: nano, kind: 'yolox', input: 'bgr255-letterbox', classes: COCO_CLASSES };
    writeFileSync(manifest, JSON.stringify({ models: [yolox] }));
    process.env.PEDLAB_MODELS_MANIFEST = manifest;
    app = await startApp({ project: await streetProject(join(work, 'street')) });
  });
  test.afterAll(() => {
    stopApp(app);
    delete process.env.PEDLAB_MODELS_MANIFEST;
    rmSync(work, { recursive: true, force: true });
  });

  test('runs both models over the project, shows progress, cancels one and draws predictions', async ({ page }) => {
    test.setTimeout(180_000);
    const problems = watchConsole(page);
    await app.open(page);
    const panel = page.getByRole('complementary', { name: 'Models' });
    await expect(panel.getByTestId('model-item')).toHaveCount(1);
    await expect(panel.locator('[data-model-name="YOLOX-Nano"]')).toContainText('COCO 416 · bundled');

    // A classifier is refused in the dialog, with the reason; the Mask R-CNN is added.
    await panel.getByRole('button', { name: 'Add…' }).click();
    await page.getByLabel('Model file').fill(models!.classifier);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.locator('.dialog-error')).toContainText('classifier.onnx is not a detector Pedlab can run');
    await page.getByLabel('Model file').fill(models!.maskrcnn);
    await page.getByLabel('Name (optional)').fill('Tiny Mask R-CNN');
    await page.getByLabel('Variant label (optional)').fill('random weights');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(panel.getByTestId('model-item')).toHaveCount(2);

    const yolox = panel.locator('[data-model-name="YOLOX-Nano"]');
    const mask = panel.locator('[data-model-name="Tiny Mask R-CNN"]');
    await page.getByLabel('Threads').selectOption('1');
    await panel.getByRole('button', { name: 'Run both' }).click();

    // Progress: a count, a rate and a time left while the Mask R-CNN runs; then it is cancelled part-way.
    const maskRun = mask.getByTestId('run-progress');
    await expect(maskRun).toHaveAttribute('data-state', 'running');
    await expect(maskRun).toContainText(/img\/s/);
    await expect(maskRun).toContainText(/ETA \d+:\d\d/);
    await page.screenshot({ path: screenshotPath('inference-running') });
    await mask.getByRole('button', { name: 'Cancel' }).click();
    await expect(maskRun).toHaveAttribute('data-state', 'cancelled');
    const cancelledAt = Number((await mask.getByTestId('run-count').textContent())!.split('/')[0]);
    expect(cancelledAt).toBeLessThan(imageCount);

    await expect(yolox.getByTestId('run-progress')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    await expect(yolox.getByTestId('run-count')).toHaveText(`${imageCount}/${imageCount}`);
    await expect(yolox.getByTestId('model-provider')).toHaveText('CPU');
    await expect(mask.getByTestId('model-provider')).toHaveText('CPU');

    // YOLOX's pedestrians on a frame, as dashed boxes with their scores.
    await yolox.getByRole('radio').check();
    await page.locator('[data-file-name="vtest_frame070.jpg"]').click();
    await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
    await expect(panel.getByTestId('predictions-shown')).toHaveText(/^[1-9]\d* shown/);
    await page.screenshot({ path: screenshotPath('inference-predictions') });

    // Zoomed in, the labels keep their size on screen.
    const stage = page.getByTestId('image-stage');
    const box = (await stage.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.45);
    const zoom = Number(await stage.getAttribute('data-zoom'));
    await page.mouse.wheel(0, -500);
    // The wheel previews with a transform; the screenshot waits for the zoom to land and the stage to redraw.
    await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(zoom);
    await page.screenshot({ path: screenshotPath('inference-predictions-zoomed') });
    expect(problems).toEqual([]);
  });
});
