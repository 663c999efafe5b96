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
 * Masks as one bitmap the size of the image: each filled translucently (`fillAlpha`, 0–255) and, with `outline`,
 * its edge pixels (those with a 4-neighbour outside the mask) drawn nearly opaque, so that touching instances
 * stay apart. Later masks paint over earlier ones. Null when there is nothing to paint.
 */
export function paintMasks(masks: readonly PaintedMask[], width: number, height: number, fillAlpha: number, outline: boolean): HTMLCanvasElement | null {
  if (masks.length === 0 || width <= 0 || height <= 0) return null;
  const pixels = new ImageData(width, height);
  for (const { mask, colour } of masks) {
    if (mask.size[0] !== height || mask.size[1] !== width) continue;
    const bits = rleDecode(rleFromCoco(mask.size, mask.counts));
    const [r, g, b] = rgb(colour);
    // RLE is column-major: index = x * height + y.
    const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && bits[x * height + y] !== 0;
    for (let x = 0; x < width; x++) {
      for (let y = 0; y < height; y++) {
        if (!bits[x * height + y]) continue;
        const edge = outline && (!inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1));
        const i = (y * width + x) * 4;
        pixels.data[i] = r;
        pixels.data[i + 1] = g;
        pixels.data[i + 2] = b;
        pixels.data[i + 3] = edge ? 235 : fillAlpha;
      }
    }
  }
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  out.getContext('2d')!.putImageData(pixels, 0, 0);
  return out;
}
