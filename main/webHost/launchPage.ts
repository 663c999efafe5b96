import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LaunchPage {
  /** The file:// URL to hand the browser: it names a file, never a secret. */
  url: string;
  remove(): void;
}

/**
 * Writes a page, readable by this user alone, that sends the browser on to `target` (a URL with a one-time launch
 * code). Chromium gets this page's path on its command line, which every local user can read with `ps`, and so
 * never the code itself. The page holds no script: a meta refresh sends the browser on.
 */
export function writeLaunchPage(dir: string, port: number, target: string): LaunchPage {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = join(dir, `launch-${port}.html`);
  rmSync(path, { force: true });
  const html = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${target}"><title>Pedlab</title><p>Opening Pedlab…</p>\n`;
  writeFileSync(path, html, { mode: 0o600, flag: 'wx' });
  return { url: pathToFileURL(path).href, remove: () => rmSync(path, { force: true }) };
}
