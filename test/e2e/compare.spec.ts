import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import type { Annotation, ImageEntry } from '../../core/ipc/types.js';
import { callApi, expect, screenshotPath, startApp, stopApp, test, watchConsole, type RunningApp } from './fixtures.js';

type Box = [number, number, number, number];

let app: RunningApp;
let work: string;
let images: ImageEntry[];

// Image 1: three people. A finds two well and one loosely (IoU 0.6) and adds a false alarm at 0.4;
// B finds all three well but misses nothing and scores its false alarm at 0.9.
const PEOPLE: Box[] = [
  [40, 40, 60, 150],
  [160, 50, 60, 150],
  [280, 60, 60, 150],
];
const MODEL_A: [Box, number][] = [
  [[42, 42, 58, 146], 0.95],
  [[160, 50, 60, 150], 0.9],
  [[280, 60, 60, 90], 0.8],
  [[400, 200, 50, 50], 0.4],
];
const MODEL_B: [Box, number][] = [
  [[40, 40, 60, 150], 0.97],
  [[162, 52, 58, 148], 0.93],
  [[280, 60, 60, 150], 0.92],
  [[400, 200, 50, 50], 0.9],
];

async function resultsFile(name: string, imageId: number, boxes: [Box, number][]): Promise<string> {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(boxes.map(([bbox, score]) => ({ image_id: imageId, category_id: 1, bbox, score }))));
  return path;
}

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-compare-'));
  const folder = join(work, 'street');
  mkdirSync(folder);
  // Different pixels: predictions are cached by image content.
  for (const [name, background] of [
    ['a_people.png', '#6b7f5a'],
    ['b_empty.png', '#5a6b7f'],
  ]) {
    await sharp({ create: { width: 480, height: 320, channels: 3, background } })
      .png()
      .toFile(join(folder, name));
  }
  app = await startApp({ project: folder });
  images = await callApi<ImageEntry[]>(app, 'images.list');
  const people = images[0].id;
  const [category] = await callApi<{ id: number }[]>(app, 'categories.list');
  await callApi(app, 'annotations.commit', {
    imageId: people,
    create: PEOPLE.map((bbox) => ({ categoryId: category.id, bbox, area: bbox[2] * bbox[3], iscrowd: false, mask: null })),
    update: [],
    delete: [],
  });
  const gt = join(work, 'gt.json');
  await callApi(app, 'project.export', { format: 'coco', path: gt });
  for (const [name, boxes] of [
    ['Model A', MODEL_A],
    ['Model B', MODEL_B],
  ] as const) {
    const path = await resultsFile(name.replace(' ', '_'), people, boxes);
    await callApi(app, 'project.import', { format: 'coco-results', path, options: { gt, modelName: name } });
  }
});
test.afterAll(() => {
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

const stat = (page: Page, name: string, model: 'a' | 'b') => page.locator(`[data-testid="stats-table"] tr[data-stat="${name}"] td[data-model="${model}"]`);
const count = (page: Page, model: 'a' | 'b', kind: string) =>
  page.locator(`[data-testid="operating-point"] tr[data-model="${model}"] td[data-count="${kind}"]`);

test('colours each box TP/FP/FN with its IoU, updates live on an edit, and follows the sliders', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1600, height: 900 });
  await app.open(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Model A' }).selectOption({ label: 'Model A' });
  await page.getByRole('combobox', { name: 'Model B' }).selectOption({ label: 'Model B' });
  await page.getByLabel('Score threshold').fill('0');
  await expect(page.getByTestId('pane-a').getByTestId('pane-counts')).toHaveText('TP 3 FP 1 FN 0');
  await expect(page.getByTestId('pane-b').getByTestId('pane-counts')).toHaveText('TP 3 FP 1 FN 0');

  // Project numbers as pycocotools computes them for these boxes (hand-checked: A's AP50 is 1 since its
  // false alarm scores below all its hits; B's is 1 too; at IoU 0.75 A's loose box fails).
  await expect(stat(page, 'AP50', 'a')).toHaveText('1.000');
  await expect(stat(page, 'AP50', 'b')).toHaveText('1.000');
  const apBefore = Number(await stat(page, 'AP', 'a').textContent());
  await page.screenshot({ path: screenshotPath('compare-view') });

  // IoU 0.75: A's loose box becomes a false positive and its person a miss.
  await page.getByLabel('IoU threshold').fill('0.75');
  await expect(page.getByTestId('pane-a').getByTestId('pane-counts')).toHaveText('TP 2 FP 2 FN 1');
  await expect(count(page, 'a', 'fn')).toHaveText('1');
  await page.getByLabel('IoU threshold').fill('0.5');

  // Score 0.85: A keeps two boxes (both TP), B keeps all four; the raw counts say so.
  await page.getByLabel('Score threshold').fill('0.85');
  await expect(count(page, 'a', 'tp')).toHaveText('2');
  await expect(count(page, 'a', 'fp')).toHaveText('0');
  await expect(count(page, 'a', 'fn')).toHaveText('1');
  await expect(count(page, 'b', 'fp')).toHaveText('1');
  await page.getByLabel('Score threshold').fill('0');

  // Shrinking the third person's ground truth to A's loose box makes A's match perfect: AP rises at once.
  const third = (await callApi<Annotation[]>(app, 'annotations.list', { imageId: images[0].id }))[2];
  const stage = page.getByTestId('pane-a').getByTestId('image-stage');
  const [ox, oy] = (await stage.getAttribute('data-offset'))!.split(',').map(Number);
  const scale = Number(await stage.getAttribute('data-zoom'));
  const origin = (await stage.boundingBox())!;
  await page.mouse.click(origin.x + ox + 310 * scale, origin.y + oy + 100 * scale);
  const corner = { x: origin.x + ox + 340 * scale, y: origin.y + oy + 210 * scale };
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(corner.x, corner.y - 30 * scale, { steps: 3 });
  await page.mouse.move(corner.x, corner.y - 60 * scale, { steps: 3 });
  // From the release to the frame that first shows A's new AP: measured in the page, reported beside the result.
  await page.evaluate(() => {
    const w = window as unknown as { releaseToNumbers: Promise<number> };
    w.releaseToNumbers = new Promise((resolve) => {
      window.addEventListener(
        'pointerup',
        (up) => {
          const cell = document.querySelector('[data-testid="stats-table"] tr[data-stat="AP"] td[data-model="a"]')!;
          const before = cell.textContent;
          const observer = new MutationObserver(() => {
            if (cell.textContent === before) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - up.timeStamp));
          });
          observer.observe(cell, { childList: true, characterData: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  });
  await page.mouse.up();
  await expect.poll(async () => (await callApi<Annotation[]>(app, 'annotations.list', { imageId: images[0].id }))[2].bbox[3]).toBeLessThan(third.bbox[3] - 40);
  await expect.poll(async () => Number(await stat(page, 'AP', 'a').textContent())).toBeGreaterThan(apBefore);
  const releaseToNumbers = await page.evaluate(() => (window as unknown as { releaseToNumbers: Promise<number> }).releaseToNumbers);
  test.info().annotations.push({ type: 'release to new numbers (ms)', description: releaseToNumbers.toFixed(1) });
  await page.screenshot({ path: screenshotPath('compare-after-edit') });

  // Zoom is locked: a wheel over pane A previews in both panes at once and lands in both.
  const paneB = page.getByTestId('pane-b').getByTestId('image-stage');
  const zoomBefore = Number(await paneB.getAttribute('data-zoom'));
  await page.mouse.move(origin.x + origin.width / 2, origin.y + origin.height / 2);
  await page.mouse.wheel(0, -120);
  const previews = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.gesture-layer'), (e) => e.style.transform));
  expect(previews).toHaveLength(2);
  expect(previews[1]).toBe(previews[0]);
  await expect.poll(async () => Number(await paneB.getAttribute('data-zoom'))).toBeGreaterThan(zoomBefore * 1.1);
  expect(await stage.getAttribute('data-zoom')).toBe(await paneB.getAttribute('data-zoom'));
  expect(await stage.getAttribute('data-offset')).toBe(await paneB.getAttribute('data-offset'));

  // The report of what is on screen, from the compare view. A file of the user's in the folder is replaced only
  // once the dialog has said so and the user pressed again.
  mkdirSync(join(work, 'report'), { recursive: true });
  writeFileSync(join(work, 'report', 'report.html'), 'my notes');
  await page.getByRole('button', { name: 'Export report…' }).click();
  await page.getByLabel('Folder', { exact: true }).fill(join(work, 'report'));
  await page.getByRole('checkbox', { name: 'PDF' }).uncheck();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByTestId('report-replace')).toContainText('1 file already exists that Pedlab did not write');
  await expect(page.getByTestId('report-replace')).toContainText(join(work, 'report', 'report.html'));
  expect(readFileSync(join(work, 'report', 'report.html'), 'utf8')).toBe('my notes');
  await page.screenshot({ path: screenshotPath('report-replace-confirm') });
  await page.getByRole('button', { name: 'Replace and export' }).click();
  await expect(page.getByTestId('report-files')).toContainText('report.html');
  await expect(page.getByTestId('report-files')).toContainText('report-boxes.csv');
  const html = readFileSync(join(work, 'report', 'report.html'), 'utf8');
  expect(html).toContain('Model A');
  expect(html).toContain('Model B');
  expect(problems).toEqual([]);
});
