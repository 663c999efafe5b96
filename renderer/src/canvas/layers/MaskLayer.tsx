import { memo, useMemo } from 'react';
import { Image as KonvaImage } from 'react-konva';
import type { Annotation } from '../../../../core/ipc/types';
import { instanceColour } from '../instanceColours';
import { paintMasks } from '../paintMasks';
import { useStableList } from '../useStableList';

interface Props {
  annotations: Annotation[];
  width: number;
  height: number;
  /** Fill opacity, 0–1. */
  opacity: number;
  /** Whether each mask's edge is drawn nearly opaque. */
  outline: boolean;
  /** Annotations whose masks are drawn elsewhere for now (carried by a box being moved). */
  leaveOut: ReadonlySet<number>;
}

/**
 * Ground-truth masks as one translucent overlay, each instance in a colour of its own. The overlay is painted
 * again only when a mask or the style changes.
 */
export const MaskLayer = memo(function MaskLayer({ annotations, width, height, opacity, outline, leaveOut }: Props) {
  const masked = useStableList(
    annotations.filter((a) => a.mask && !leaveOut.has(a.id)),
    (a, b) => a.id === b.id && a.mask!.counts === b.mask!.counts,
  );
  const canvas = useMemo(
    () =>
      paintMasks(
        masked.map((a) => ({ mask: a.mask!, colour: instanceColour(a.id) })),
        width,
        height,
        Math.round(opacity * 255),
        outline,
      ),
    [masked, width, height, opacity, outline],
  );
  return canvas && <KonvaImage image={canvas} width={width} height={height} listening={false} name="gt-masks" />;
});
