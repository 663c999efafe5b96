/// <reference lib="dom" />
// What the canvas bench measures in the page: frames while a gesture runs, an edit's way to the screen and to
// the store, a stage redraw, the labels drawn, and a brush stroke's pointer moves painted.
import type { Page } from '@playwright/test';
import { median } from '../median.js';

type Rendered = { afterRendering(done: () => void): void };

/**
 * Gives the page `afterRendering(done)`, for animation-frame callbacks: `done` runs as soon as the task that
 * renders the frame (Konva's draw, paint, the commit to the compositor) ends. It is posted at the scheduler's
 * user-blocking priority, ahead of tasks that were already due (an edit's request being sent, a timer): a plain
 * message would wait behind them, and count their time as the frame's.
 */
async function probeRendering(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Scheduler = { postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<void> };
    const { scheduler } = window as unknown as { scheduler: Scheduler };
    (window as unknown as Rendered).afterRendering = (done) => void scheduler.postTask(done, { priority: 'user-blocking' });
  });
}

/** Counts animation frames while `work` runs; each count has its own loop, so an earlier one cannot add to it. */
export async function fps(page: Page, work: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number; loop: number };
    const loop = (w.loop ?? 0) + 1;
    w.loop = loop;
    w.frames_ = 0;
    const tick = () => {
      if (w.loop !== loop) return;
      w.frames_++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames_: number; loop: number };
    w.loop++;
    return w.frames_;
  });
  return frames / seconds;
}

/**
 * Waits until the page draws `frames` frames in a row, each within 25 ms of the last (3 s at most): the redraw
 * that ends one gesture is then not counted in the next gesture's frame rate (it is measured on its own).
 */
export function settle(page: Page, frames = 10): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        let last = started;
        let quiet = 0;
        const tick = (now: number) => {
          quiet = now - last <= 25 ? quiet + 1 : 0;
          last = now;
          if (quiet >= n || now - started > 3000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

type Timings = { shown: number[]; stored: number[]; acked: number[]; t0: number };

/**
 * Edits: "shown" is key press → the next frame rendered with the edit applied; "stored" is key press → the page
 * showing the store's confirmation (IPC round trip and SQLite transaction included); "acked" is the commit request
 * leaving the page → the store's answer received (the browser's resource timing of that request). All in the page.
 */
export async function watchEdits(page: Page): Promise<void> {
  await probeRendering(page);
  await page.evaluate(() => {
    const w = window as unknown as Timings;
    window.addEventListener('keydown', () => (w.t0 = performance.now()), { capture: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceResourceTiming[]) if (e.name.endsWith('/annotations.commit')) w.acked.push(e.responseEnd - e.startTime);
    }).observe({ type: 'resource' });
    const target = document.querySelector('[data-testid="save-state"]')!;
    new MutationObserver(() => {
      if (target.getAttribute('data-state') === 'saved') w.stored.push(performance.now() - w.t0);
      if (target.getAttribute('data-state') !== 'saving') return;
      requestAnimationFrame(() => (w as unknown as Rendered).afterRendering(() => w.shown.push(performance.now() - w.t0)));
    }).observe(target, { attributes: true });
  });
}

/** Nudges the selection `count` times with the arrow keys, each once saved, and reads the edits' timings. */
export async function nudges(page: Page, count: number): Promise<{ shown: number[]; stored: number[]; acked: number[] }> {
  await page.evaluate(() => Object.assign(window, { shown: [], stored: [], acked: [] }));
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
  }
  return page.evaluate(() => {
    const { shown, stored, acked } = window as unknown as Timings;
    return { shown, stored, acked };
  });
}

/**
 * Redraws every layer of the stage, as the end of a pan or zoom gesture does, in an animation frame: each time is
 * from the redraw's start to the end of the frame rendered with it (the canvas rasterises its drawing there).
 */
export async function redraws(page: Page, count: number): Promise<number[]> {
  await probeRendering(page);
  return page.evaluate(async (n) => {
    const stage = (window as unknown as { Konva: { stages: { draw(): void }[] } }).Konva.stages[0];
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      times.push(
        await new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            const t0 = performance.now();
            stage.draw();
            (window as unknown as Rendered).afterRendering(() => resolve(performance.now() - t0));
          }),
        ),
      );
    }
    return times;
  }, count);
}

/** Tags drawn now; one that would overlap another is left out. */
export function labelsDrawn(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Node = { getAttr(name: string): number };
    const konva = (window as unknown as { Konva: { stages: { find(selector: string): Node[] }[] } }).Konva;
    return konva.stages[0].find('.labels').reduce((n, shape) => n + shape.getAttr('labelCount'), 0);
  });
}

type Painted = { painted: Promise<number> | null };

/**
 * One brush stroke through `points` (page pixels), a pointer move at a time: each move's time from the event to
 * the end of the next frame rendered (the stroke drawn to it), then the release's time until the page shows the
 * stroke saved.
 */
export async function brushStroke(page: Page, points: { x: number; y: number }[]): Promise<{ moves: number[]; stored: number }> {
  await probeRendering(page);
  await page.evaluate(() => {
    const w = window as unknown as Painted & { watching?: boolean };
    if (w.watching) return;
    w.watching = true;
    window.addEventListener(
      'pointermove',
      () => {
        const t0 = performance.now();
        w.painted = new Promise((resolve) => requestAnimationFrame(() => (w as unknown as Rendered).afterRendering(() => resolve(performance.now() - t0))));
      },
      { capture: true },
    );
  });
  const [first, ...rest] = points;
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  const moves: number[] = [];
  for (const p of rest) {
    await page.mouse.move(p.x, p.y);
    moves.push(await page.evaluate(() => (window as unknown as Painted).painted!));
  }
  await page.evaluate(() => {
    const w = window as unknown as { strokeSaved: Promise<number> };
    w.strokeSaved = new Promise((resolve) => {
      let t0 = 0;
      let saving = false;
      window.addEventListener('pointerup', () => (t0 = performance.now()), { capture: true, once: true });
      const target = document.querySelector('[data-testid="save-state"]')!;
      const observer = new MutationObserver(() => {
        const state = target.getAttribute('data-state');
        if (state === 'saving') saving = true;
        else if (state === 'saved' && saving) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(target, { attributes: true });
    });
  });
  await page.mouse.up();
  return { moves, stored: await page.evaluate(() => (window as unknown as { strokeSaved: Promise<number> }).strokeSaved) };
}

/** The value below which a share `p` (0–1) of the timings lie (nearest rank). */
function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

export const describeEdits = (values: number[]) => `median ${median(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (${values.length} edits)`;

export const describeMoves = (values: number[]) =>
  `median ${median(values).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms (${values.length} pointer moves)`;
