/// <reference lib="dom" />
// The canvas bench's app: a project of one 4000×3000 photo with boxes laid out on a grid, served by
// `pedlab serve` and opened in headless Chromium as a user opens it.
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import sharp from 'sharp';

export const IMAGE = { width: 4000, height: 3000 };

/** Boxes in rows and columns: box `i` sits at column i % cols, row ⌊i / cols⌋. */
export interface Grid {
  count: number;
  cols: number;
  step: [number, number];
  size: [number, number];
  offset: [number, number];
}

export function gridBox(grid: Grid, i: number): [number, number, number, number] {
  const col = i % grid.cols;
  const row = Math.floor(i / grid.cols);
  return [col * grid.step[0] + grid.offset[0], row * grid.step[1] + grid.offset[1], grid.size[0], grid.size[1]];
}

/** The centre of the box in the middle of the grid, in image pixels. */
export function middleOf(grid: Grid): { x: number; y: number } {
  const rows = Math.ceil(grid.count / grid.cols);
  const [x, y, w, h] = gridBox(grid, Math.floor(rows / 2) * grid.cols + Math.floor(grid.cols / 2));
  return { x: x + w / 2, y: y + h / 2 };
}

export interface BenchApp {
  page: Page;
  close(): Promise<void>;
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

/** Serves a fresh project with the grid's boxes and opens it in a 1600×1000 page, once every box is listed. */
export async function openBench(grid: Grid): Promise<BenchApp> {
  const work = mkdtempSync(join(tmpdir(), 'pedlab-canvas-bench-'));
  const folder = join(work, 'big');
  mkdirSync(folder, { recursive: true });
  await sharp({ create: { ...IMAGE, channels: 3, background: '#5a6b4c' } })
    .jpeg({ quality: 80 })
    .toFile(join(folder, 'big.jpg'));
  const server: ChildProcess = spawn(process.execPath, ['bin/pedlab.js', 'serve', '--project', folder], {
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
  const create = Array.from({ length: grid.count }, (_, i) => {
    const bbox = gridBox(grid, i);
    return { categoryId: category.id, bbox, area: bbox[2] * bbox[3], iscrowd: false, mask: null };
  });
  await call(url.origin, token, 'annotations.commit', { imageId: image.id, create, update: [], delete: [] });

  const browser: Browser = await chromium.launch({
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
    .filter({ hasText: `${grid.count} boxes` })
    .waitFor();
  return {
    page,
    async close() {
      await browser.close();
      server.kill();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
