import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { ImageDetection, InferenceSettings } from '../../core/detect/types.js';
import { ModelWorker } from '../../main/inference/inferenceWorkerClient.js';

/**
 * Variants of one picture that must all be seen the same way: stored sideways with EXIF orientation 6, as RGBA
 * with a half-transparent alpha, as grey, and with 16-bit samples.
 */
export async function imageVariants(source: string, dir: string) {
  const upright = await sharp(source).rotate().removeAlpha().toBuffer();
  const files = {
    upright: join(dir, 'upright.png'),
    rotated: join(dir, 'rotated_exif6.jpg'),
    rgba: join(dir, 'rgba.png'),
    grey: join(dir, 'grey.png'),
    deep: join(dir, 'rgb16.png'),
  };
  await sharp(upright).png().toFile(files.upright);
  // Orientation 6 means "turn 90° clockwise to view", so the stored pixels are the upright ones turned back.
  await sharp(upright).rotate(270).jpeg({ quality: 98 }).withMetadata({ orientation: 6 }).toFile(files.rotated);
  await sharp(upright).ensureAlpha(0.5).png().toFile(files.rgba);
  await sharp(upright).greyscale().png().toFile(files.grey);
  await sharp(upright).toColourspace('rgb16').png().toFile(files.deep);
  return files;
}

/** A picture with a few bright figures on a gradient, for tests that must run without ../shared. */
export async function syntheticPicture(path: string, width = 480, height = 360): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const figure = await sharp({ create: { width: 40, height: 110, channels: 3, background: '#f0d0a0' } })
    .png()
    .toBuffer();
  await sharp({ create: { width, height, channels: 3, background: '#4a6b8c' } })
    .composite([80, 200, 330].map((left, i) => ({ input: figure, left, top: 120 + 30 * i })))
    .png()
    .toFile(path);
  return path;
}

export function settingsFor(classMap: (string | null)[], overrides: Partial<InferenceSettings> = {}): InferenceSettings {
  return { scoreThreshold: 0.05, nmsThreshold: 0.45, maskThreshold: 0.5, maxSide: null, maxDetections: 100, classMap, ...overrides };
}

/** Runs a model in a worker over images and collects each image's detections. */
export async function detectAll(worker: ModelWorker, paths: string[], settings: InferenceSettings): Promise<ImageDetection[][]> {
  const results: ImageDetection[][] = [];
  const failures: string[] = [];
  const run = worker.run(
    paths.map((path, imageId) => ({ imageId, path })),
    settings,
    {
      onResult: (imageId, detections) => (results[imageId] = detections),
      onImageFailed: (imageId, message) => failures.push(`${paths[imageId]}: ${message}`),
    },
  );
  await run.finished;
  if (failures.length) throw new Error(failures.join('\n'));
  return results;
}

/** IoU of two [x, y, w, h] boxes. */
export function xywhIou(a: readonly number[], b: readonly number[]): number {
  const iw = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (iw <= 0 || ih <= 0) return 0;
  return (iw * ih) / (a[2] * a[3] + b[2] * b[3] - iw * ih);
}

/** For each box of `a`, the best IoU with a box of `b`. */
export function bestMatches(a: readonly ImageDetection[], b: readonly ImageDetection[]): number[] {
  return a.map((d) => Math.max(0, ...b.map((e) => xywhIou(d.bbox, e.bbox))));
}
