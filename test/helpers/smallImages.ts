import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { SMALL_COCO } from './formatFixtures.js';

/** `count` small PNGs of distinct colours (so distinct content hashes) named frame_000.png, frame_001.png, … */
export async function smallImages(dir: string, count: number, size = 32): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const background = { r: (i * 37) % 256, g: Math.floor(i / 256) % 256, b: (i * 11) % 256 };
    await sharp({ create: { width: size, height: size, channels: 3, background } }).png().toFile(join(dir, `frame_${String(i).padStart(3, '0')}.png`));
  }
  return dir;
}

/** The grey images a COCO file's images point to (SMALL_COCO's by default), written into `dir` (created) in the format their names say. */
export async function smallCocoImages(dir: string, coco: { images: readonly { file_name: string; width: number; height: number }[] } = SMALL_COCO): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const img of coco.images) {
    await sharp({ create: { width: img.width, height: img.height, channels: 3, background: '#808080' } }).toFile(join(dir, img.file_name));
  }
  return dir;
}
