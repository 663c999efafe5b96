import { memo, useMemo, useRef } from 'react';
import { Shape } from 'react-konva';
import type { Annotation } from '../../../../core/ipc/types';
import { drawBoxOutlines, packColour } from '../boxOutlines';
import { categoryColour } from '../colours';

/** Boxes drawn alike: a category's colour, dashed or not (crowd regions are dashed). */
interface OutlineGroup {
  colour: number;
  dashed: boolean;
  boxes: Annotation['bbox'][];
}

function outlineGroups(annotations: readonly Annotation[]): OutlineGroup[] {
  const groups = new Map<string, OutlineGroup>();
  for (const a of annotations) {
    const colour = categoryColour(a.categoryId);
    const key = `${colour}${a.iscrowd ? ' dashed' : ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { colour: packColour(colour), dashed: a.iscrowd, boxes: [] }));
    group.boxes.push(a.bbox);
  }
  return [...groups.values()];
}

/**
 * The boxes nobody has selected, drawn by one shape straight into the layer's pixels (see drawBoxOutlines): ten
 * thousand boxes redraw in a few milliseconds and cost React nothing while they rest. The outlines are 2 screen
 * pixels wide and dashed for crowd regions, as a selected box's are. They ignore the pointer: the select tool
 * finds the box under a press itself (see SelectTool). The shape writes every pixel of its layer, so it comes
 * first in it.
 */
export const RestingBoxes = memo(function RestingBoxes({ annotations, scale }: { annotations: readonly Annotation[]; scale: number }) {
  const groups = useMemo(() => outlineGroups(annotations), [annotations]);
  // One buffer of the layer's size, kept from one draw to the next.
  const buffer = useRef<ImageData | null>(null);
  return (
    <Shape
      name="gt-boxes"
      boxCount={annotations.length}
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const ctx = context._context;
        const { width, height } = ctx.canvas;
        let image = buffer.current;
        if (!image || image.width !== width || image.height !== height) buffer.current = image = ctx.createImageData(width, height);
        const target = { pixels: new Uint32Array(image.data.buffer), width, height };
        target.pixels.fill(0);
        // The canvas's own pixels per image pixel and offset: the view's scale and place times the pixel ratio.
        const m = ctx.getTransform();
        const ratio = m.a / scale;
        const transform = { scale: m.a, x: m.e, y: m.f };
        for (const group of groups) {
          drawBoxOutlines(target, group.boxes, transform, {
            colour: group.colour,
            thickness: Math.max(1, Math.round(2 * ratio)),
            dash: group.dashed ? [6 * ratio, 4 * ratio] : null,
          });
        }
        ctx.putImageData(image, 0, 0);
      }}
    />
  );
});
