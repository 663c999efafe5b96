// Editor canvas benchmark: 1,000 and then 10,000 labelled boxes on a 4000×3000 image in headless Chromium.
// Prints frames per second while panning and zooming, milliseconds per edit, and milliseconds per pointer move
// while brushing. Measures; never asserts.
import type { Page } from '@playwright/test';
import { median } from '../median.js';
import { IMAGE, middleOf, openBench, type Grid } from './benchApp.js';
import { brushStroke, describeEdits, describeMoves, fps, labelsDrawn, nudges, redraws, settle, watchEdits } from './pageProbes.js';

const CASES: Grid[] = [
  { count: 1000, cols: 40, step: [98, 118], size: [80, 100], offset: [5, 5] },
  { count: 10_000, cols: 100, step: [40, 30], size: [32, 24], offset: [4, 3] },
];

/** Image pixels to page pixels, through the view the stage reports. */
async function toPage(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const stage = page.getByTestId('image-stage');
  const [x, y] = (await stage.getAttribute('data-offset'))!.split(',').map(Number);
  const scale = Number(await stage.getAttribute('data-zoom'));
  const box = (await stage.boundingBox())!;
  return { x: box.x + x + p.x * scale, y: box.y + y + p.y * scale };
}

/**
 * Everything at one zoom, chosen by its key (F: fit, 0: 1:1). The view's centre is then the image's centre; the
 * box edited is the one in the middle of the grid, and the stroke is brushed around it.
 */
async function measure(page: Page, grid: Grid, name: string, key: string): Promise<void> {
  const stage = (await page.getByTestId('image-stage').boundingBox())!;
  const cx = stage.x + stage.width / 2;
  const cy = stage.y + stage.height / 2;
  await page.keyboard.press('Escape');
  await page.keyboard.press(key);
  await page.waitForTimeout(300);
  const labels = await labelsDrawn(page);
  await settle(page);
  const panFps = await fps(page, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down({ button: 'middle' });
    for (let i = 0; i < 120; i++) await page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 120 * Math.cos(i / 10));
    await page.mouse.up({ button: 'middle' });
  });
  await settle(page);
  const zoomFps = await fps(page, async () => {
    for (let i = 0; i < 80; i++) await page.mouse.wheel(0, i % 20 < 10 ? -60 : 60);
  });
  await page.keyboard.press(key);
  await page.waitForTimeout(300);
  const redraw = await redraws(page, 20);
  const middle = await toPage(page, middleOf(grid));
  await page.mouse.click(middle.x, middle.y);
  await page.getByTestId('status-boxes').filter({ hasText: '· 1 selected' }).waitFor();
  const one = await nudges(page, 40);
  await page.keyboard.press('Control+a');
  await page
    .getByTestId('status-boxes')
    .filter({ hasText: `· ${grid.count} selected` })
    .waitFor();
  const all = await nudges(page, 10);

  // A stroke of 120 pointer moves, 3 screen pixels apart, round the middle box; then undone.
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  const stroke = Array.from({ length: 121 }, (_, i) => ({ x: middle.x + 60 * Math.sin(i / 20), y: middle.y + 60 * (1 - Math.cos(i / 20)) }));
  const brushed = await brushStroke(page, stroke);
  await page.keyboard.press('Control+z');
  await page
    .getByTestId('status-boxes')
    .filter({ hasText: new RegExp(`^${grid.count} boxes$`) })
    .waitFor();
  await page.keyboard.press('v');

  console.log(`  ${name}: ${labels} of ${grid.count} labels drawn (a label that would overlap another is left out)`);
  console.log(`    panning: ${panFps.toFixed(1)} frames/s`);
  console.log(`    zooming: ${zoomFps.toFixed(1)} frames/s`);
  console.log(`    whole stage redrawn (once at the end of a pan or zoom gesture; until the frame is rendered): median ${median(redraw).toFixed(1)} ms`);
  console.log(`    edit shown (nudge one box, key press → frame rendered): ${describeEdits(one.shown)}`);
  console.log(`    edit stored (nudge one box, key press → saved in SQLite and shown as saved): ${describeEdits(one.stored)}`);
  console.log(`    edit acknowledged (nudge one box, commit request sent → the store's answer received): ${describeEdits(one.acked)}`);
  console.log(`    edit shown (nudge all ${grid.count} boxes): ${describeEdits(all.shown)}`);
  console.log(`    edit stored (nudge all ${grid.count} boxes): ${describeEdits(all.stored)}`);
  console.log(`    brushing (pointer move → frame rendered with the stroke): ${describeMoves(brushed.moves)}`);
  console.log(`    brush stroke stored (release → mask encoded, saved in SQLite and shown as saved): ${brushed.stored.toFixed(1)} ms`);
}

for (const grid of CASES) {
  const { page, close } = await openBench(grid);
  await watchEdits(page);
  console.log(`canvas: ${grid.count} boxes with labels on a ${IMAGE.width}×${IMAGE.height} image, headless Chromium (software rendering)`);
  await measure(page, grid, 'fitted', 'f');
  await measure(page, grid, '1:1', '0');
  await close();
}
