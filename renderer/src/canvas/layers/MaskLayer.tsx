import { memo, useMemo } from 'react';
import { Image as KonvaImage } from 'react-konva';
import { rleDecode } from '../../../../core/masks/rle';
import { rleFromCoco } from '../../../../core/masks/rleString';
import type { Annotation } from '../../../../core/ipc/types';
import { categoryColour } from '../colours';
import { useStableList } from '../useStableList';

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Instance masks as one translucent overlay, painted in each box's category colour. The overlay is painted again
 * only when a mask or its colour changes: moving or resizing a box leaves its mask where it was drawn.
 */
export const MaskLayer = memo(function MaskLayer({ annotations, width, height }: { annotations: Annotation[]; width: number; height: number }) {
  const masked = useStableList(
    annotations.filter((a) => a.mask),
    (a, b) => a.mask!.counts === b.mask!.counts && a.categoryId === b.categoryId,
  );
  const canvas = useMemo(() => {
    if (masked.length === 0) return null;
    const pixels = new ImageData(width, height);
    for (const a of masked) {
      const bits = rleDecode(rleFromCoco(a.mask!.size, a.mask!.counts));
      const [r, g, b] = rgb(categoryColour(a.categoryId));
      // RLE is column-major: index = x * height + y.
      for (let x = 0; x < width; x++) {
        for (let y = 0; y < height; y++) {
          if (!bits[x * height + y]) continue;
          const i = (y * width + x) * 4;
          pixels.data[i] = r;
          pixels.data[i + 1] = g;
          pixels.data[i + 2] = b;
          pixels.data[i + 3] = 110;
        }
      }
    }
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    out.getContext('2d')!.putImageData(pixels, 0, 0);
    return out;
  }, [masked, width, height]);

  return canvas && <KonvaImage image={canvas} width={width} height={height} listening={false} />;
});
