import { _electron as electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../main/cli/electronRuntime.js';
import { expect, screenshotPath, test } from './fixtures.js';

const binary = electronBinary();
if (!binary) {
  console.log(
    'electron.spec: skipped: the Electron runtime is not installed here (node_modules/electron/dist is missing; run `npx install-electron` where the network allows).',
  );
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
      // Navigation away from the app is refused, and so are new windows, permissions and unknown images.
      await page.evaluate(() => window.location.assign('https://example.com/'));
      await expect(page.getByTestId('project-name')).toHaveText('vtest');
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      expect(
        await page.evaluate(() =>
          navigator.mediaDevices.getUserMedia({ video: true }).then(
            () => 'granted',
            () => 'denied',
          ),
        ),
      ).toBe('denied');
      expect(await page.evaluate(() => fetch('pedlab://image/424242').then((r) => r.status))).toBe(404);
      await page.screenshot({ path: screenshotPath('electron-sample') });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
