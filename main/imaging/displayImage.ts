import sharp from 'sharp';
import { READ_LIMITS, readBoundedFile } from '../security/boundedRead.js';
import { needsTurning } from './orientation.js';

export interface DisplayImage {
  bytes: Buffer;
  mime: string;
}

/**
 * The bytes the renderer draws. Files without an EXIF rotation are served as they are; rotated photos are
 * re-encoded upright so every viewer shows them the same way and image-pixel geometry matches the stored size.
 */
export async function readDisplayImage(path: string, orientation: number): Promise<DisplayImage> {
  const bytes = await readBoundedFile(path, READ_LIMITS.image);
  const isPng = bytes.subarray(1, 4).toString('latin1') === 'PNG';
  if (!needsTurning(orientation)) return { bytes, mime: isPng ? 'image/png' : 'image/jpeg' };
  const upright = await sharp(bytes)
    .rotate()
    .toFormat(isPng ? 'png' : 'jpeg', { quality: 95 })
    .toBuffer();
  return { bytes: upright, mime: isPng ? 'image/png' : 'image/jpeg' };
}
