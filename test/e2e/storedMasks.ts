import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Annotation } from '../../core/ipc/types.js';
import { rleDecode, rleToBbox } from '../../core/masks/rle.js';
import { rleFromCoco } from '../../core/masks/rleString.js';

/** A stored mask as a lookup by image pixel, with its pixel count and tight box. */
export function maskOf(a: Annotation) {
  const rle = rleFromCoco(a.mask!.size, a.mask!.counts);
  const bits = rleDecode(rle);
  const h = rle.h;
  let count = 0;
  for (const b of bits) count += b;
  return { at: (x: number, y: number) => bits[Math.floor(x) * h + Math.floor(y)] === 1, count, bbox: rleToBbox(rle) };
}

/** A folder holding one 640×480 PNG, a left-to-right gradient, so strokes and outlines show against changing pixels. */
export async function gradientFolder(folder: string): Promise<string> {
  mkdirSync(folder);
  const width = 640;
  const height = 480;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = 60 + (x * 120) / width;
      raw[i + 1] = 80 + (y * 80) / height;
      raw[i + 2] = 110;
    }
  }
  await sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toFile(join(folder, 'street.png'));
  return folder;
}
