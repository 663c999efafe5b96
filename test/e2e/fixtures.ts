import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Annotation } from '../../core/ipc/types.js';

export interface RunningApp {
  /** The web host's origin, e.g. http://127.0.0.1:PORT. */
  origin: string;
  /** The session token, claimed with the launch code `pedlab serve` printed, as the page claims its own. */
  token: string;
  /** A new one-time launch URL, for a page to open. */
  launchUrl(): Promise<string>;
  dataDir: string;
  process: ChildProcess;
  /** Opens the app in the page and waits for the first image to be drawn. */
  open(page: Page): Promise<void>;
}

/** Starts `pedlab serve` as a user would and reads its URL from the first line it prints. */
export async function startApp(options: { project?: string; dataDir?: string } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pedlab-e2e-'));
  const args = ['bin/pedlab.js', 'serve', ...(options.project ? ['--project', options.project] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, PEDLAB_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const printed = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`pedlab serve exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`pedlab serve printed no URL within 30 s: ${stderr}`)), 30_000);
  });
  const { origin } = new URL(printed);
  const token = await claimSession(origin, new URLSearchParams(new URL(printed).hash.slice(1)).get('code')!);
  const launchUrl = async () => {
    const res = await fetch(`${origin}/session/launch-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pedlab-token': token },
      body: '{}',
    });
    return `${origin}/#code=${((await res.json()) as { code: string }).code}`;
  };
  return {
    origin,
    token,
    launchUrl,
    dataDir,
    process: child,
    async open(page: Page) {
      await page.goto(await launchUrl());
      await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
    },
  };
}

/** Trades a one-time launch code for the web host's session token. */
export async function claimSession(origin: string, code: string): Promise<string> {
  const res = await fetch(`${origin}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  if (!res.ok) throw new Error(`launch code refused: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Calls the contract directly, as a test reading back what the UI stored. */
export async function callApi<T = unknown>(app: RunningApp, channel: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${app.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pedlab-token': app.token },
    body: JSON.stringify(body),
  });
  const envelope = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error!.message);
  return envelope.value as T;
}

export function stopApp(app: RunningApp, removeData = true): void {
  app.process.kill('SIGTERM');
  if (removeData) rmSync(app.dataDir, { recursive: true, force: true });
}

export function screenshotPath(name: string): string {
  const dir = join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

/** Fails the test on any uncaught page error or console error. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  return problems;
}

/** Where a stage shows its image: zoom, offset of the image in the stage, and the stage's place on the page. */
export interface StageView {
  scale: number;
  x: number;
  y: number;
  left: number;
  top: number;
}

/** The view a stage reports through its data attributes (the first stage on the page unless one is given). */
export async function stageView(page: Page, stage = page.getByTestId('image-stage').first()): Promise<StageView> {
  const [x, y] = (await stage.getAttribute('data-offset'))!.split(',').map(Number);
  const box = (await stage.boundingBox())!;
  return { scale: Number(await stage.getAttribute('data-zoom')), x, y, left: box.x, top: box.y };
}

/** Image pixels to page pixels, through a stage's view. */
export function toScreen(v: StageView, p: { x: number; y: number }): { x: number; y: number } {
  return { x: v.left + v.x + p.x * v.scale, y: v.top + v.y + p.y * v.scale };
}

/** Types a folder's path into the Open folder dialog and presses Open, as a user who knows the path does. */
export async function openFolderByPath(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Open folder…' }).click();
  await page.getByLabel('Folder path').fill(path);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
}

/** Types a zoom into the status bar's zoom field (the view zooms about the stage's centre) and waits for it. */
export async function setZoom(page: Page, zoom: number): Promise<void> {
  await page.getByLabel('Zoom percent').fill(String(zoom * 100));
  await page.getByLabel('Zoom percent').press('Enter');
  await expect.poll(async () => Number(await page.getByTestId('image-stage').first().getAttribute('data-zoom'))).toBeCloseTo(zoom, 3);
}

/** Waits until the page shows every edit as saved in the store. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

/** Replaces an image's ground truth in the store by these annotations (none: empty), as one edit. */
export async function replaceGroundTruth(app: RunningApp, imageId: number, create: readonly Omit<Annotation, 'id' | 'imageId'>[]): Promise<void> {
  const existing = await callApi<Annotation[]>(app, 'annotations.list', { imageId });
  await callApi(app, 'annotations.commit', { imageId, create, update: [], delete: existing.map((a) => a.id) });
}

export const test = base;
export { expect };
