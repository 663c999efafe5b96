import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** ../shared beside the repository: Penn-Fudan, extra images and third-party models; never copied in. */
export const SHARED = resolve(HERE, '..', '..', '..', 'shared');

/** The path under ../shared, or null with the reason printed when it is absent. */
export function sharedFile(...parts: string[]): string | null {
  const path = join(SHARED, ...parts);
  if (existsSync(path)) return path;
  console.warn(`skipping: ${path} is not there (../shared is absent)`);
  return null;
}

export const YOLOX_NANO = ['models', 'third_party', 'yolox_nano', 'yolox_nano.onnx'];
export const LIGHT_PERSON = ['models', 'third_party', 'light_person_detector', 'model.onnx'];
export const ABBEY_ROAD = ['data', 'extra', 'Beatles_-_Abbey_Road.jpg'];
export const TV_IMAGE_05 = ['data', 'extra', 'tv_image05.png'];
export const FUDAN_46 = ['data', 'PennFudanPed', 'PNGImages', 'FudanPed00046.png'];
export const FUDAN_46_ANNOTATION = ['data', 'PennFudanPed', 'Annotation', 'FudanPed00046.txt'];

/** ../shared (same folder as SHARED), for the evaluation tests. */
export const sharedDir = SHARED;

export const hasShared = existsSync(sharedDir);

/** `describe` when ../shared exists; otherwise the suite is skipped and the reason printed. */
export function describeShared(name: string, body: () => void): void {
  if (hasShared) {
    describe(name, body);
    return;
  }
  console.warn(`skipping "${name}": ../shared is absent (looked for ${sharedDir})`);
  // The body is not run: it may read ../shared while collecting its tests.
  describe.skip(name, () => {
    it.skip('needs ../shared', () => undefined);
  });
}

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

export function readSharedJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(sharedPath(...parts), 'utf8'));
}
export const FUDAN_46_MASK = ['data', 'PennFudanPed', 'PedMasks', 'FudanPed00046_mask.png'];
