import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeImageFolder } from '../../helpers/imageFolder.js';
import { tempDir } from '../../helpers/tempDir.js';

/**
 * A stand-in for Chromium that does what the browser does with `--app=URL`: it records the command line and
 * environment it was given (which every local user can read), follows the launch page and claims the session.
 */
const FAKE_BROWSER = `
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
const app = process.argv.find((a) => a.startsWith('--app='));
const page = fileURLToPath(app.slice('--app='.length));
const html = readFileSync(page, 'utf8');
const target = new URL(/content="0;url=([^"]+)"/.exec(html)[1]);
const code = new URLSearchParams(target.hash.slice(1)).get('code');
const claim = () => fetch(target.origin + '/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
const first = await claim();
const { token } = await first.json();
const images = await fetch(target.origin + '/api/images.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-pedlab-token': token }, body: '{}' });
const second = await claim();
writeFileSync(process.env.FAKE_BROWSER_REPORT, JSON.stringify({
  argv: process.argv, env: process.env, page, pageMode: statSync(page).mode & 0o777, dirMode: statSync(dirname(page)).mode & 0o777, code,
  token, imageCount: (await images.json()).value.length, secondClaim: second.status,
}));
`;

describe('pedlab start in browser mode', () => {
  it('never puts the session token or the launch code on a command line, in the environment or in its output', async () => {
    const dir = tempDir();
    try {
      const folder = await makeImageFolder(join(dir.path, 'images'));
      const browser = join(dir.path, 'chromium');
      writeFileSync(join(dir.path, 'browser.mjs'), FAKE_BROWSER);
      writeFileSync(browser, `#!/bin/sh\nexec "${process.execPath}" "${join(dir.path, 'browser.mjs')}" "$@"\n`);
      chmodSync(browser, 0o755);
      const report = join(dir.path, 'report.json');
      const env = {
        ...process.env,
        PEDLAB_CHROMIUM: browser,
        DISPLAY: ':99',
        PEDLAB_DATA_DIR: join(dir.path, 'data'),
        PEDLAB_NO_ELECTRON_DOWNLOAD: '1',
        FAKE_BROWSER_REPORT: report,
      };
      const child = spawn(process.execPath, ['bin/pedlab.js', 'start', '--web', '--project', folder.dir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c));
      child.stderr.on('data', (c: Buffer) => (output += c));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, output).toBe(0);

      const seen = JSON.parse(readFileSync(report, 'utf8'));
      expect(seen.imageCount).toBe(6);
      expect(seen.token.length).toBeGreaterThanOrEqual(32);
      expect(seen.code.length).toBeGreaterThanOrEqual(32);
      for (const secret of [seen.token, seen.code]) {
        expect(seen.argv.join(' ')).not.toContain(secret);
        expect(JSON.stringify(seen.env)).not.toContain(secret);
        expect(output).not.toContain(secret);
      }
      expect(seen.argv.join(' ')).toMatch(/--app=file:\/\/.*launch-\d+\.html/);
      expect(seen.pageMode).toBe(0o600);
      expect(seen.dirMode).toBe(0o700);
      expect(seen.secondClaim).toBe(401);
      expect(() => statSync(seen.page)).toThrow();
    } finally {
      dir.remove();
    }
  }, 60_000);
});
