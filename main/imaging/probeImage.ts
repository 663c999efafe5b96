import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { beyondPixelLimit } from '../../core/geometry/pixelLimit.js';
import { READ_LIMITS, readBoundedFile, readFailure } from '../security/boundedRead.js';
import { uprightSize } from './orientation.js';

export interface ProbeResult {
  sha256: string | null;
  width: number | null;
  height: number | null;
  orientation: number;
  error: string | null;
  thumbnail: Buffer | null;
}

export const THUMBNAIL_SIZE = 160;
const SUPPORTED = new Set(['jpeg', 'png']);

/** Turns libvips' wording into a sentence a user can act on. */
export function describeDecodeError(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  if (/unsupported image format/i.test(raw)) return 'not a PNG or JPEG image (the content is not a format Pedlab can read)';
  if (/premature end|truncated|unexpected end|not enough data|read error|incomplete/i.test(raw)) {
    return `image data is truncated or corrupt (${raw.split('\n')[0].trim()})`;
  }
  if (/pixel limit/i.test(raw)) return `image is too large to open (${raw.split('\n')[0].trim()})`;
  return `cannot decode image (${raw.split('\n')[0].trim()})`;
}

/**
 * Reads one image file fully: content hash, upright size (EXIF orientation applied) and a thumbnail. Decoding the
 * whole file here is what catches truncated data, so a listed image without an error is known to open.
 */
export async function probeImage(path: string): Promise<ProbeResult> {
  const failed = (error: string, sha256: string | null = null): ProbeResult => ({
    sha256,
    width: null,
    height: null,
    orientation: 1,
    error,
    thumbnail: null,
  });
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(path, READ_LIMITS.image);
  } catch (err) {
    return failed(`cannot read file (${readFailure(err)})`);
  }
  if (bytes.length === 0) return failed('empty file (0 bytes)');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!meta.format || !SUPPORTED.has(meta.format)) {
      return failed(`not a PNG or JPEG image (found ${meta.format ?? 'unknown'} data; convert it to PNG or JPEG to label it)`, sha256);
    }
    if (!meta.width || !meta.height) return failed('image has no size', sha256);
    const tooLarge = beyondPixelLimit(meta.width, meta.height);
    if (tooLarge) return failed(`image ${tooLarge}`, sha256);
    const orientation = meta.orientation ?? 1;
    const thumbnail = await sharp(bytes, { failOn: 'truncated' })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
    return {
      sha256,
      ...uprightSize(meta.width, meta.height, orientation),
      orientation,
      error: null,
      thumbnail,
    };
  } catch (err) {
    return failed(describeDecodeError(err), sha256);
  }
}
