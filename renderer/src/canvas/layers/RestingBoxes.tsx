import { memo, useMemo } from 'react';
import { Shape } from 'react-konva';
import type { Annotation } from '../../../../core/ipc/types';
import { categoryColour } from '../colours';

/** Boxes drawn with one stroke: a category's colour, dashed or not (crowd regions are dashed). */
interface StrokeGroup {
  colour: string;
  dashed: boolean;
  boxes: Annotation['bbox'][];
}

function strokeGroups(annotations: readonly Annotation[]): StrokeGroup[] {
  const groups = new Map<string, StrokeGroup>();
  for (const a of annotations) {
    const colour = categoryColour(a.categoryId);
    const key = `${colour}${a.iscrowd ? ' dashed' : ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { colour, dashed: a.iscrowd, boxes: [] }));
    group.boxes.push(a.bbox);
  }
  return [...groups.values()];
}

/**
 * The boxes nobody has selected, drawn by one shape: one path per colour instead of a Konva node per box, so ten
 * thousand boxes redraw in a few milliseconds and cost React nothing while they rest. They ignore the pointer:
 * the select tool finds the box under a press itself (see SelectTool). Same look as a resting GtBox.
 */
export const RestingBoxes = memo(function RestingBoxes({ annotations, scale }: { annotations: readonly Annotation[]; scale: number }) {
  const groups = useMemo(() => strokeGroups(annotations), [annotations]);
  return (
    <Shape
      name="gt-boxes"
      boxCount={annotations.length}
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const ctx = context._context;
        ctx.lineWidth = 2 / scale;
        for (const group of groups) {
          ctx.beginPath();
          for (const [x, y, w, h] of group.boxes) ctx.rect(x, y, w, h);
          ctx.strokeStyle = group.colour;
          ctx.setLineDash(group.dashed ? [6 / scale, 4 / scale] : []);
          ctx.stroke();
        }
        ctx.setLineDash([]);
      }}
    />
  );
});
