import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** A gradient with a bright square, so orientation and scale are visible in screenshots. */
async function picture(width: number, height: number, colour: string): Promise<ReturnType<typeof sharp>> {
  const square = await sharp({ create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: colour } }).composite([{ input: square, top: 8, left: 8 }]);
}

export interface ImageFolder {
  dir: string;
  good: string[];
  broken: Record<string, RegExp>;
}

/**
 * A folder like a user's: good PNGs and JPEGs, a photo stored sideways with EXIF orientation 6, and three bad files
 * (empty, truncated JPEG, text named .png) that must be listed with a clear error.
 */
export async function makeImageFolder(dir: string): Promise<ImageFolder> {
  mkdirSync(dir, { recursive: true });
  await (await picture(640, 480, '#3a6ea5')).png().toFile(join(dir, 'street_01.png'));
  await (await picture(800, 600, '#a5673a')).jpeg({ quality: 90 }).toFile(join(dir, 'street_02.jpg'));
  // Stored 300 wide × 200 high, tagged "rotate 90° clockwise": shown upright it is 200 × 300.
  await (await picture(300, 200, '#3aa55c')).jpeg().withMetadata({ orientation: 6 }).toFile(join(dir, 'rotated_phone.jpg'));
  const whole = await (await picture(400, 300, '#888888')).jpeg().toBuffer();
  writeFileSync(join(dir, 'truncated.jpg'), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(join(dir, 'empty.png'), Buffer.alloc(0));
  writeFileSync(join(dir, 'notes.png'), 'these are my notes, not a picture\n');
  writeFileSync(join(dir, 'readme.txt'), 'not listed: not an image extension\n');
  return {
    dir,
    good: ['rotated_phone.jpg', 'street_01.png', 'street_02.jpg'],
    broken: {
      'empty.png': /empty file \(0 bytes\)/,
      'notes.png': /not a PNG or JPEG image/,
      'truncated.jpg': /truncated or corrupt/,
    },
  };
}
