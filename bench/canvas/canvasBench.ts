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
import { median } from '../median.js';

const BOXES = 1000;

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
// The printed URL's one-time code buys the API token; the page then opens with a fresh code.
const claimed = await fetch(`${url.origin}/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ code: new URLSearchParams(url.hash.slice(1)).get('code') }),
});
const token = ((await claimed.json()) as { token: string }).token;
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
const minted = await fetch(`${url.origin}/session/launch-code`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-pedlab-token': token },
  body: '{}',
});
await page.goto(`${url.origin}/#code=${((await minted.json()) as { code: string }).code}`);
await page.getByTestId('image-stage').and(page.locator('[data-image-loaded="true"]')).waitFor();
await page
  .getByTestId('status-boxes')
  .filter({ hasText: `${BOXES} boxes` })
  .waitFor();
const stage = (await page.getByTestId('image-stage').boundingBox())!;
const cx = stage.x + stage.width / 2;
const cy = stage.y + stage.height / 2;

/** Counts animation frames while `work` runs; each count has its own loop, so an earlier one cannot add to it. */
async function fps(work: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number; loop: number };
    const loop = (w.loop ?? 0) + 1;
    w.loop = loop;
    w.frames_ = 0;
    const tick = () => {
      if (w.loop !== loop) return;
      w.frames_++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames_: number; loop: number };
    w.loop++;
    return w.frames_;
  });
  return frames / seconds;
}

// Edits: nudge the selection with the arrow keys. "Shown" is key press → the next frame rendered with the edit
// applied; "stored" is key press → the page showing the store's confirmation (IPC round trip and SQLite
// transaction included). Both are measured in the page.
type Timings = { shown: number[]; stored: number[]; t0: number };
await page.evaluate(() => {
  const w = window as unknown as Timings;
  window.addEventListener('keydown', () => (w.t0 = performance.now()), { capture: true });
  const target = document.querySelector('[data-testid="save-state"]')!;
  new MutationObserver(() => {
    if (target.getAttribute('data-state') === 'saved') w.stored.push(performance.now() - w.t0);
    if (target.getAttribute('data-state') !== 'saving') return;
    // The next frame's rendering (Konva's draw, paint, commit) runs as one task; a message posted from its
    // animation-frame callbacks is handled right after it.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => w.shown.push(performance.now() - w.t0);
      channel.port2.postMessage(null);
    });
  }).observe(target, { attributes: true });
});

async function nudges(count: number): Promise<{ shown: number[]; stored: number[] }> {
  await page.evaluate(() => Object.assign(window, { shown: [], stored: [] }));
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
  }
  return page.evaluate(() => ({ shown: (window as unknown as Timings).shown, stored: (window as unknown as Timings).stored }));
}

/** Redraws every layer of the stage, as the end of a pan or zoom gesture does. */
async function redraws(count: number): Promise<number[]> {
  return page.evaluate((n) => {
    const stage = (window as unknown as { Konva: { stages: { draw(): void }[] } }).Konva.stages[0];
    return Array.from({ length: n }, () => {
      const t0 = performance.now();
      stage.draw();
      return performance.now() - t0;
    });
  }, count);
}

/** Tags drawn now; one that would overlap another is left out. */
function labelsDrawn(): Promise<number> {
  return page.evaluate(() => {
    type Node = { getAttr(name: string): number };
    const konva = (window as unknown as { Konva: { stages: { find(selector: string): Node[] }[] } }).Konva;
    return konva.stages[0].find('.labels').reduce((n, shape) => n + shape.getAttr('labelCount'), 0);
  });
}

const describe = (values: number[]) => `median ${median(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (${values.length} edits)`;

/**
 * Everything at one zoom, chosen by its key (F: fit, 0: 1:1). The view's centre is then the image's centre
 * (2000, 1500), inside a box.
 */
async function measure(name: string, key: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(key);
  await page.waitForTimeout(300);
  const labels = await labelsDrawn();
  const panFps = await fps(async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down({ button: 'middle' });
    for (let i = 0; i < 120; i++) await page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 120 * Math.cos(i / 10));
    await page.mouse.up({ button: 'middle' });
  });
  const zoomFps = await fps(async () => {
    for (let i = 0; i < 80; i++) await page.mouse.wheel(0, i % 20 < 10 ? -60 : 60);
  });
  await page.keyboard.press(key);
  await page.waitForTimeout(300);
  const redraw = await redraws(20);
  await page.mouse.click(cx, cy);
  await page.getByTestId('status-boxes').filter({ hasText: '1 selected' }).waitFor();
  const one = await nudges(40);
  await page.keyboard.press('Control+a');
  await page
    .getByTestId('status-boxes')
    .filter({ hasText: `${BOXES} selected` })
    .waitFor();
  const all = await nudges(10);

  console.log(`  ${name}: ${labels} of ${BOXES} labels drawn (a label that would overlap another is left out)`);
  console.log(`    panning: ${panFps.toFixed(1)} frames/s`);
  console.log(`    zooming: ${zoomFps.toFixed(1)} frames/s`);
  console.log(`    whole stage redrawn (once at the end of a pan or zoom gesture): median ${median(redraw).toFixed(1)} ms`);
  console.log(`    edit shown (nudge one box, key press → frame rendered): ${describe(one.shown)}`);
  console.log(`    edit stored (nudge one box, key press → saved in SQLite and shown as saved): ${describe(one.stored)}`);
  console.log(`    edit shown (nudge all ${BOXES} boxes): ${describe(all.shown)}`);
  console.log(`    edit stored (nudge all ${BOXES} boxes): ${describe(all.stored)}`);
}

console.log(`canvas: ${BOXES} boxes with labels on a 4000×3000 image, headless Chromium (software rendering)`);
await measure('fitted', 'f');
await measure('1:1', '0');

await browser.close();
server.kill();
rmSync(work, { recursive: true, force: true });
