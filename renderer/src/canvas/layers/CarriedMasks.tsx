import type Konva from 'konva';
import { memo, useMemo, useState } from 'react';
import { Group, Shape } from 'react-konva';
import type { Box } from '../../../../core/geometry/box';
import type { Annotation } from '../../../../core/ipc/types';
import { rleToBbox } from '../../../../core/masks/rle';
import { rleFromCoco } from '../../../../core/masks/rleString';
import { instanceColour } from '../instanceColours';
import { paintMasks } from '../paintMasks';
import type { MovingBoxes } from './AnnotationLayer';

const NONE: Annotation[] = [];

/**
 * The boxes under a drag or a resize (null between gestures), the annotations they move, and those of them with
 * a mask: the mask layer leaves those out while the carried masks draw them at their boxes.
 */
export function useMovingBoxes(annotations: Annotation[]) {
  const [moving, setMoving] = useState<MovingBoxes | null>(null);
  // The same set through a gesture, however often the boxes move: the mask layer repaints at its start and end only.
  const key = moving ? [...moving.boxes.keys()].join(',') : '';
  const leaveOut = useMemo(() => new Set(key ? key.split(',').map(Number) : []), [key]);
  // Nothing moving (every edit but a drag): no pass over the image's boxes.
  const carried = useMemo(() => (leaveOut.size === 0 ? NONE : annotations.filter((a) => a.mask && leaveOut.has(a.id))), [annotations, leaveOut]);
  return { moving, setMoving, leaveOut, carried };
}

interface Props {
  /** The annotations whose boxes are moving, with their masks and their boxes as they were. */
  annotations: Annotation[];
  /** Each one's box under the pointer now. */
  boxes: ReadonlyMap<number, Box>;
  width: number;
  height: number;
  opacity: number;
  outline: boolean;
  /** Whether the mask is smoothed when drawn scaled (as the photo is at this zoom). */
  smooth: boolean;
}

/**
 * The masks of boxes being moved or resized, drawn where their boxes are now: each mask is painted once, cropped
 * to its extent, when the gesture starts, and every pointer move only places that bitmap again, moved and
 * scaled as the mask will be carried on release (core/masks/transform.ts). Nothing is encoded until then.
 */
export const CarriedMasks = memo(function CarriedMasks({ annotations, boxes, width, height, opacity, outline, smooth }: Props) {
  return (
    <Group clipX={0} clipY={0} clipWidth={width} clipHeight={height} listening={false}>
      {annotations.map((a) => {
        const to = boxes.get(a.id);
        return to && <CarriedMask key={a.id} annotation={a} to={to} width={width} height={height} opacity={opacity} outline={outline} smooth={smooth} />;
      })}
    </Group>
  );
});

interface MaskProps {
  annotation: Annotation;
  to: Box;
  width: number;
  height: number;
  opacity: number;
  outline: boolean;
  smooth: boolean;
}

const CarriedMask = memo(function CarriedMask({ annotation: a, to, width, height, opacity, outline, smooth }: MaskProps) {
  const painted = useMemo(() => {
    if (!a.mask) return null;
    const extent = rleToBbox(rleFromCoco(a.mask.size, a.mask.counts));
    const canvas = paintMasks([{ mask: a.mask, colour: instanceColour(a.id) }], width, height, Math.round(opacity * 255), outline, extent);
    return canvas && { canvas, extent };
  }, [a.id, a.mask, width, height, opacity, outline]);
  const [fx, fy, fw, fh] = a.bbox;
  if (!painted || fw <= 0 || fh <= 0) return null;
  const kx = to[2] / fw;
  const ky = to[3] / fh;
  const [ex, ey, ew, eh] = painted.extent;
  const draw = (context: Konva.Context, shape: Konva.Shape) => {
    context.save();
    context.setAttr('imageSmoothingEnabled', smooth);
    context.drawImage(painted.canvas, 0, 0, shape.width(), shape.height());
    context.restore();
  };
  return (
    <Shape
      name="carried-mask"
      x={to[0] + (ex - fx) * kx}
      y={to[1] + (ey - fy) * ky}
      width={ew * kx}
      height={eh * ky}
      sceneFunc={draw}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
