import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningApp {
  url: string;
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
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`pedlab serve exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`pedlab serve printed no URL within 30 s: ${stderr}`)), 30_000);
  });
  return {
    url,
    dataDir,
    process: child,
    async open(page: Page) {
      await page.goto(url);
      await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
    },
  };
}

/** Calls the contract directly, as a test reading back what the UI stored. */
export async function callApi<T = unknown>(app: RunningApp, channel: string, body: unknown = {}): Promise<T> {
  const url = new URL(app.url);
  const res = await fetch(new URL(`/api/${channel}`, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pedlab-token': url.searchParams.get('token')! },
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

export const test = base;
export { expect };
