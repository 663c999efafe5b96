import type { Box } from '../../../core/geometry/box';
import { rleDecode } from '../../../core/masks/rle';
import { rleFromCoco } from '../../../core/masks/rleString';

/** One mask to paint: COCO RLE of the image's size, in a colour. */
export interface PaintedMask {
  mask: { size: [number, number]; counts: string };
  colour: string;
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Masks as one bitmap: each filled translucently (`fillAlpha`, 0–255) and, with `outline`, its edge pixels
 * (those with a 4-neighbour outside the mask) drawn nearly opaque, so that touching instances stay apart. Later
 * masks paint over earlier ones. The bitmap is the image's `region` (whole pixels; the whole image unless
 * given), its top-left pixel the region's. Null when there is nothing to paint.
 */
export function paintMasks(
  masks: readonly PaintedMask[],
  width: number,
  height: number,
  fillAlpha: number,
  outline: boolean,
  region: Box = [0, 0, width, height],
): HTMLCanvasElement | null {
  const [left, top, regionWidth, regionHeight] = region;
  if (masks.length === 0 || regionWidth <= 0 || regionHeight <= 0) return null;
  const pixels = new ImageData(regionWidth, regionHeight);
  const right = Math.min(width, left + regionWidth);
  const bottom = Math.min(height, top + regionHeight);
  for (const { mask, colour } of masks) {
    if (mask.size[0] !== height || mask.size[1] !== width) continue;
    const bits = rleDecode(rleFromCoco(mask.size, mask.counts));
    const [r, g, b] = rgb(colour);
    // RLE is column-major: index = x * height + y.
    const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && bits[x * height + y] !== 0;
    for (let x = Math.max(0, left); x < right; x++) {
      for (let y = Math.max(0, top); y < bottom; y++) {
        if (!bits[x * height + y]) continue;
        const edge = outline && (!inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1));
        const i = ((y - top) * regionWidth + (x - left)) * 4;
        pixels.data[i] = r;
        pixels.data[i + 1] = g;
        pixels.data[i + 2] = b;
        pixels.data[i + 3] = edge ? 235 : fillAlpha;
      }
    }
  }
  const out = document.createElement('canvas');
  out.width = regionWidth;
  out.height = regionHeight;
  out.getContext('2d')!.putImageData(pixels, 0, 0);
  return out;
}
