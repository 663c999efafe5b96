import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation, ImageEntry, ProjectSummary } from '../../core/ipc/types.js';
import { makeImageFolder } from '../helpers/imageFolder.js';
import { callApi, expect, startApp, stopApp, test } from './fixtures.js';

test('every edit shown as saved survives kill -9 of the app, and the database stays intact', async ({ page }) => {
  const work = mkdtempSync(join(tmpdir(), 'pedlab-autosave-'));
  const folder = await makeImageFolder(join(work, 'street'));
  const dataDir = join(work, 'data');
  let app = await startApp({ project: folder.dir, dataDir });
  try {
    await app.open(page);
    await page.locator('[data-file-name="street_02.jpg"]').click();
    const stage = page.getByTestId('image-stage');
    await expect(stage).toHaveAttribute('data-image-loaded', 'true');
    const box = (await stage.boundingBox())!;

    // A burst: twelve boxes drawn as fast as the mouse goes, then every one nudged.
    await page.keyboard.press('w');
    for (let i = 0; i < 12; i++) {
      const x = box.x + 40 + (i % 6) * 60;
      const y = box.y + 60 + Math.floor(i / 6) * 120;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 40, y + 80, { steps: 2 });
      await page.mouse.up();
    }
    await page.keyboard.press('v');
    await page.keyboard.press('Control+a');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('status-boxes')).toHaveText('12 boxes · 12 selected');
    await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
    const shown = await callApi<Annotation[]>(app, 'annotations.list', {
      imageId: (await callApi<ImageEntry[]>(app, 'images.list')).find((i) => i.fileName === 'street_02.jpg')!.id,
    });
    const { dbPath } = (await callApi<ProjectSummary>(app, 'project.current'))!;

    app.process.kill('SIGKILL');
    await new Promise((resolve) => app.process.once('exit', resolve));

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    app = await startApp({ project: folder.dir, dataDir });
    const imageId = (await callApi<ImageEntry[]>(app, 'images.list')).find((i) => i.fileName === 'street_02.jpg')!.id;
    const reopened = await callApi<Annotation[]>(app, 'annotations.list', { imageId });
    expect(reopened).toHaveLength(12);
    expect(reopened).toEqual(shown);
    expect(shown.every((a) => a.bbox[0] >= 5)).toBe(true);
  } finally {
    stopApp(app, false);
    rmSync(work, { recursive: true, force: true });
  }
});
