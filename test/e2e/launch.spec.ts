import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLaunchPage } from '../../main/webHost/launchPage.js';
import { expect, startApp, stopApp, test, watchConsole, type RunningApp } from './fixtures.js';

let app: RunningApp;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-launch-'));
  app = await startApp();
});
test.afterAll(() => {
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

test('opens from the local launch page as `pedlab start` hands it to Chromium, with no cookie, and survives a reload', async ({ page, context }) => {
  const problems = watchConsole(page);
  const launch = writeLaunchPage(join(work, 'launch'), Number(new URL(app.origin).port), await app.launchUrl());
  await page.goto(launch.url);
  await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
  await expect(page.getByTestId('project-name')).toHaveText('vtest');
  expect(page.url()).toBe(`${app.origin}/`);
  expect(await context.cookies()).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
  expect(problems).toEqual([]);
});

test('a launch link works once: a second page with the same link is told so, and reads nothing', async ({ browser }) => {
  const url = await app.launchUrl();
  const first = await browser.newPage();
  await first.goto(url);
  await expect(first.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
  const second = await browser.newPage();
  await second.goto(url);
  await expect(second.getByText('This launch link was already used')).toBeVisible();
  await expect(second.getByTestId('image-item')).toHaveCount(0);
  await first.close();
  await second.close();
});
