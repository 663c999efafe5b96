import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Annotation, ImageEntry, ProjectSummary } from '../../core/ipc/types.js';
import { damagePages } from '../helpers/damageDatabase.js';
import { makeImageFolder } from '../helpers/imageFolder.js';
import { callApi, expect, screenshotPath, startApp, stopApp, test, type RunningApp } from './fixtures.js';

async function stop(app: RunningApp): Promise<void> {
  const exited = once(app.process, 'exit');
  stopApp(app, false);
  await exited;
}

test('a damaged project database is reported, left alone, and the newest snapshot restored from the UI', async ({ page }) => {
  const work = mkdtempSync(join(tmpdir(), 'pedlab-recovery-'));
  const folder = await makeImageFolder(join(work, 'street'));
  const dataDir = join(work, 'data');
  let app = await startApp({ project: folder.dir, dataDir });
  try {
    const imageId = (await callApi<ImageEntry[]>(app, 'images.list')).find((i) => i.fileName === 'street_01.png')!.id;
    const box = { categoryId: 1, bbox: [10, 20, 30, 40], area: 1200, iscrowd: false, mask: null };
    await callApi(app, 'annotations.commit', { imageId, create: [box, box], update: [], delete: [] });
    const { dbPath } = (await callApi<ProjectSummary>(app, 'project.current'))!;
    await stop(app);
    // Opening an existing project takes the snapshot.
    app = await startApp({ project: folder.dir, dataDir });
    await stop(app);

    damagePages(dbPath);
    app = await startApp({ project: folder.dir, dataDir });
    await page.goto(await app.launchUrl());
    const notice = page.getByTestId('recovery-notice');
    await expect(notice).toContainText('is damaged');
    await expect(notice).toContainText('Pedlab has not changed it');
    await expect(notice).toContainText('The newest snapshot is from');
    await expect(page.getByTestId('project-name')).toHaveText('No project');
    await page.screenshot({ path: screenshotPath('recovery-offered') });

    await notice.getByRole('button', { name: 'Restore snapshot' }).click();
    await expect(page.getByTestId('project-name')).toHaveText('street');
    await expect(notice).toHaveCount(0);
    await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
    expect(await callApi<Annotation[]>(app, 'annotations.list', { imageId })).toHaveLength(2);
    expect(readdirSync(dirname(dbPath)).some((name) => /\.pedlab\.replaced-[^.]*$/.test(name))).toBe(true);
  } finally {
    stopApp(app, false);
    rmSync(work, { recursive: true, force: true });
  }
});
