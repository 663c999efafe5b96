import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { callApi, expect, startApp, stopApp, test, type RunningApp } from './fixtures.js';

let app: RunningApp;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pedlab-switch-'));
  const folder = join(work, 'street');
  mkdirSync(folder);
  const names = ['a.jpg', 'b.jpg', 'c.jpg'];
  for (const [i, name] of names.entries()) {
    // Large, noisy frames, so that each takes a moment to load and decode.
    const noise = Buffer.alloc(1920 * 1080 * 3);
    for (let k = 0; k < noise.length; k++) noise[k] = (k * 2654435761 + i * 97) & 255;
    await sharp(noise, { raw: { width: 1920, height: 1080, channels: 3 } })
      .jpeg({ quality: 92 })
      .toFile(join(folder, name));
  }
  process.env.PEDLAB_MODELS_MANIFEST = join(work, 'no-manifest.json');
  app = await startApp({ project: folder });
  const gt = join(work, 'gt.json');
  writeFileSync(
    gt,
    JSON.stringify({
      images: names.map((file_name, i) => ({ id: i + 1, file_name, width: 1920, height: 1080 })),
      categories: [{ id: 1, name: 'pedestrian' }],
      annotations: names.map((_, i) => ({ id: i + 1, image_id: i + 1, category_id: 1, bbox: [300 + i * 200, 200, 150, 400], area: 60000, iscrowd: 0 })),
    }),
  );
  await callApi(app, 'project.import', { format: 'coco', path: gt });
});
test.afterAll(() => {
  delete process.env.PEDLAB_MODELS_MANIFEST;
  stopApp(app);
  rmSync(work, { recursive: true, force: true });
});

test('switching images never draws a frame without a photo, nor the new boxes over the old photo', async ({ page }) => {
  await app.open(page);
  for (let step = 0; step < 2; step++) {
    // Every animation frame from the key press until the new photo is in: what the stage has drawn.
    const frames = await page.evaluate(async () => {
      type Node = { isVisible(): boolean; getAttr(k: string): unknown; getClassName(): string };
      const stage = (window as unknown as { Konva: { stages: { find(s: string): Node[] }[] } }).Konva.stages[0];
      const host = document.querySelector<HTMLElement>('[data-testid="image-stage"]')!;
      const seen: { photos: number; boxes: number; loaded: string }[] = [];
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'd', bubbles: true }));
      for (let i = 0; i < 240; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const photos = stage.find('Image').filter((n) => n.isVisible() && n.getAttr('name') !== 'prediction-masks').length;
        const selected = stage.find('Rect').filter((n) => n.isVisible() && n.getAttr('name') === 'gt-box').length;
        const resting = stage.find('Shape').filter((n) => n.isVisible() && n.getAttr('name') === 'gt-boxes');
        const boxes = selected + resting.reduce((n, shape) => n + Number(shape.getAttr('boxCount')), 0);
        seen.push({ photos, boxes, loaded: host.dataset.imageLoaded ?? '' });
        if (i > 3 && host.dataset.imageLoaded === 'true') break;
      }
      return seen;
    });
    expect(frames.some((f) => f.loaded === 'false')).toBe(true);
    expect(frames.filter((f) => f.photos === 0)).toEqual([]);
    expect(frames.filter((f) => f.loaded === 'false' && f.boxes > 0)).toEqual([]);
    await expect(page.getByTestId('image-stage')).toHaveAttribute('data-image-loaded', 'true');
  }
});

test('a small box selected at the fitted zoom gets small corner handles that leave it visible, and takes them along when nudged', async ({ page }) => {
  const [first] = await callApi<{ id: number }[]>(app, 'images.list');
  const [category] = await callApi<{ id: number }[]>(app, 'categories.list');
  await callApi(app, 'annotations.commit', {
    imageId: first.id,
    create: [{ categoryId: category.id, bbox: [1500, 700, 24, 40], area: 960, iscrowd: false, mask: null }],
    update: [],
    delete: [],
  });
  await app.open(page);
  const stage = page.getByTestId('image-stage');
  const [ox, oy] = (await stage.getAttribute('data-offset'))!.split(',').map(Number);
  const scale = Number(await stage.getAttribute('data-zoom'));
  expect(40 * scale).toBeLessThan(40);
  const origin = (await stage.boundingBox())!;
  await page.mouse.click(origin.x + ox + 1512 * scale, origin.y + oy + 720 * scale);
  const handles = () =>
    page.evaluate(() => {
      const t = (
        window as unknown as { Konva: { stages: { find(s: string): { enabledAnchors(): string[]; anchorSize(): number; nodes(): unknown[] }[] }[] } }
      ).Konva.stages[0].find('Transformer')[0];
      return { anchors: t.enabledAnchors().length, size: t.anchorSize(), nodes: t.nodes().length };
    });
  await expect.poll(handles).toEqual({ anchors: 4, size: 6, nodes: 1 });
  // Nudged, the box takes its handles with it.
  const placed = () =>
    page.evaluate(() => {
      type Node = { x(): number; getAbsolutePosition(): { x: number; y: number } };
      const konva = (window as unknown as { Konva: { stages: { find(s: string): (Node & { nodes(): Node[] })[] }[] } }).Konva;
      const t = konva.stages[0].find('Transformer')[0];
      return { handles: t.x(), box: t.nodes()[0].getAbsolutePosition().x };
    });
  const before = await placed();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await placed()).box).toBeCloseTo(before.box + 3 * scale, 3);
  const after = await placed();
  expect(after.handles - after.box).toBeCloseTo(before.handles - before.box, 3);
  await page.keyboard.press('Escape');
  // A large box keeps all eight handles.
  await page.mouse.click(origin.x + ox + 375 * scale, origin.y + oy + 400 * scale);
  await expect.poll(handles).toEqual({ anchors: 8, size: 9, nodes: 1 });
});
