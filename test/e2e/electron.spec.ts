import { _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, screenshotPath, test } from './fixtures.js';

/** The Electron binary when the electron package has one; null where its runtime could not be downloaded. */
function electronBinary(): string | null {
  try {
    const path = createRequire(resolve('package.json'))('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log('electron.spec: skipped: the Electron runtime is not installed here (node_modules/electron has no binary).');
}

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, 'the Electron runtime is not installed here (node_modules/electron has no binary)');

  test('opens the sample project in a locked-down window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pedlab-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, PEDLAB_DATA_DIR: dataDir } });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('project-name')).toHaveText('vtest');
      await expect(page.getByTestId('image-item')).toHaveCount(12);
      await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
      // No Node in the page, and the bridge is functions only.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.values((globalThis as { pedlab?: object }).pedlab ?? {}).every((f) => typeof f === 'function'))).toBe(true);
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      // Navigation away from the app is refused.
      await page.evaluate(() => window.location.assign('https://example.com/'));
      await expect(page.getByTestId('project-name')).toHaveText('vtest');
      await page.screenshot({ path: screenshotPath('electron-sample') });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
