/// <reference lib="dom" />
// Editor canvas benchmark: 1,000 labelled boxes on a 4000×3000 image in headless Chromium.
// Prints frames per second while panning and zooming, and milliseconds per edit. Measures; never asserts.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import sharp from 'sharp';

const BOXES = 1000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function call<T>(origin: string, token: string, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pedlab-token': token },
    body: JSON.stringify(body),
  });
  const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message);
  return envelope.value;
}

const work = mkdtempSync(join(tmpdir(), 'pedlab-canvas-bench-'));
const folder = join(work, 'big');
await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#5a6b4c' } })
  .jpeg({ quality: 80 })
  .toFile(join((await import('node:fs')).mkdirSync(folder, { recursive: true }) ?? folder, 'big.jpg'));

const server = spawn(process.execPath, ['bin/pedlab.js', 'serve', '--project', folder], {
  env: { ...process.env, PEDLAB_DATA_DIR: join(work, 'data') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = new URL(await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', resolve)));
const token = url.searchParams.get('token')!;
const [image] = await call<{ id: number }[]>(url.origin, token, 'images.list', {});
const [category] = await call<{ id: number }[]>(url.origin, token, 'categories.list', {});
const create = Array.from({ length: BOXES }, (_, i) => {
  const x = (i % 40) * 98 + 5;
  const y = Math.floor(i / 40) * 118 + 5;
  return { categoryId: category.id, bbox: [x, y, 80, 100], area: 8000, iscrowd: false, mask: null };
});
await call(url.origin, token, 'annotations.commit', { imageId: image.id, create, update: [], delete: [] });

const browser = await chromium.launch({
  executablePath: process.env.PEDLAB_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(url.href);
await page.getByTestId('image-stage').and(page.locator('[data-image-loaded="true"]')).waitFor();
await page.getByTestId('status-boxes').filter({ hasText: `${BOXES} boxes` }).waitFor();
const stage = (await page.getByTestId('image-stage').boundingBox())!;
const cx = stage.x + stage.width / 2;
const cy = stage.y + stage.height / 2;

/** Counts animation frames while `work` runs. */
async function fps(work: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number; counting: boolean };
    w.frames_ = 0;
    w.counting = true;
    const tick = () => {
      if (!w.counting) return;
      w.frames_++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames_: number; counting: boolean };
    w.counting = false;
    return w.frames_;
  });
  return frames / seconds;
}

const panFps = await fps(async () => {
  await page.mouse.move(cx, cy);
  await page.mouse.down({ button: 'middle' });
  for (let i = 0; i < 120; i++) await page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 120 * Math.cos(i / 10));
  await page.mouse.up({ button: 'middle' });
});
const zoomFps = await fps(async () => {
  for (let i = 0; i < 80; i++) await page.mouse.wheel(0, i % 20 < 10 ? -60 : 60);
});

// Edits: select one box and nudge it. "Shown" is key press → the next frame painted with the edit applied
// (measured in the page); "stored" is key press → the store confirming it (measured from here, round trip
// included).
await page.keyboard.press('Control+a');
await page.keyboard.press('Escape');
await page.mouse.click(cx, cy);
await page.evaluate(() => {
  const w = window as unknown as { shown: number[]; t0: number };
  w.shown = [];
  window.addEventListener('keydown', () => (w.t0 = performance.now()), { capture: true });
  const target = document.querySelector('[data-testid="save-state"]')!;
  new MutationObserver(() => {
    if (target.getAttribute('data-state') === 'saving') requestAnimationFrame(() => w.shown.push(performance.now() - w.t0));
  }).observe(target, { attributes: true });
});
const stored: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
  stored.push(performance.now() - t0);
}
const shown = await page.evaluate(() => (window as unknown as { shown: number[] }).shown);

console.log(`canvas: ${BOXES} boxes with labels on a 4000×3000 image, headless Chromium (software rendering)`);
console.log(`  panning: ${panFps.toFixed(1)} frames/s`);
console.log(`  zooming: ${zoomFps.toFixed(1)} frames/s`);
console.log(`  edit shown (nudge, key press → painted): median ${median(shown).toFixed(1)} ms, max ${Math.max(...shown).toFixed(1)} ms (${shown.length} edits)`);
console.log(`  edit stored (key press → saved in SQLite): median ${median(stored).toFixed(1)} ms, max ${Math.max(...stored).toFixed(1)} ms`);

await browser.close();
server.kill();
rmSync(work, { recursive: true, force: true });
