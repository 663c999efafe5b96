import sharp from 'sharp';
import { uprightSize } from './orientation.js';

/** An image decoded upright to 8-bit RGB, row-major, 3 bytes a pixel. */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Buffer;
}

/** What the header says: the upright size, and whether there is an alpha channel to drop. */
export interface ImageHeader {
  width: number;
  height: number;
  hasAlpha: boolean;
}

export async function readHeader(bytes: Buffer): Promise<ImageHeader> {
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height) throw new Error('image has no size');
  return { ...uprightSize(meta.width, meta.height, meta.orientation), hasAlpha: meta.hasAlpha ?? false };
}

/**
 * Decodes a PNG or JPEG as the viewer shows it: EXIF orientation applied, alpha dropped, grey expanded to RGB,
 * 16-bit samples reduced to 8; with `size`, resized to exactly that. Images with alpha are flattened to RGB
 * before resizing, so the colours fed do not depend on transparency.
 */
export async function decodeRgb(bytes: Buffer, header: ImageHeader, size?: { width: number; height: number }): Promise<RgbImage> {
  const upright = () => sharp(bytes, { failOn: 'truncated' }).rotate().removeAlpha().toColourspace('srgb');
  let pipeline = upright();
  if (size && header.hasAlpha) {
    const flat = await upright().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    pipeline = sharp(flat.data, { raw: { width: flat.info.width, height: flat.info.height, channels: 3 } });
  }
  if (size) pipeline = pipeline.resize(size.width, size.height, { fit: 'fill', kernel: 'linear' });
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels, expected 3`);
  return { width: info.width, height: info.height, pixels: data };
}

/** A region of a decoded image (whole pixels, inside it) resized to exactly `size`, as decodeRgb resizes. */
export async function cropRgb(image: RgbImage, region: readonly [number, number, number, number], size: { width: number; height: number }): Promise<RgbImage> {
  const [left, top, width, height] = region;
  const { data, info } = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({ left, top, width, height })
    .resize(size.width, size.height, { fit: 'fill', kernel: 'linear' })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: data };
}
