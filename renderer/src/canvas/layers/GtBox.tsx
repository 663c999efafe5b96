import type Konva from 'konva';
import { memo, useMemo } from 'react';
import { Rect } from 'react-konva';
import type { Annotation } from '../../../../core/ipc/types';
import { HALO_COLOUR, SELECTION_COLOUR } from '../colours';

/** What a box reports; one stable object for all boxes, so a box re-renders only when its own props change. */
export interface BoxEvents {
  pick(id: number, shift: boolean): void;
  dragMove(id: number, node: Konva.Rect): void;
  dragEnd(id: number, node: Konva.Rect): void;
  /** A resize under way: the node's place and scale are the box so far. */
  transform(id: number, node: Konva.Rect): void;
  transformEnd(id: number, node: Konva.Rect): void;
  register(id: number, node: Konva.Rect | null): void;
}

interface Props {
  annotation: Annotation;
  scale: number;
  interactive: boolean;
  /** Where a drag of another box of the selection has moved this one so far. */
  dx: number;
  dy: number;
  events: BoxEvents;
}

/**
 * One selected ground-truth box, a node of its own: a press picks it (shift takes it out of the selection), a drag
 * moves the selection, and the transformer resizes it. Boxes not selected are drawn together by RestingBoxes.
 */
export const GtBox = memo(function GtBox({ annotation: a, scale, interactive, dx, dy, events }: Props) {
  const [x, y, w, h] = a.bbox;
  // One set of handlers per box: new functions on every render would make Konva unbind and bind them again.
  const handlers = useMemo(() => boxHandlers(a.id, events), [a.id, events]);
  return (
    <Rect
      name="gt-box"
      ref={handlers.ref}
      x={x + dx}
      y={y + dy}
      width={w}
      height={h}
      stroke={SELECTION_COLOUR}
      strokeWidth={2.5 / scale}
      fill="rgba(255, 255, 255, 0.10)"
      dash={a.iscrowd ? [6 / scale, 4 / scale] : undefined}
      sceneFunc={haloed}
      hitFunc={plainRect}
      perfectDrawEnabled={false}
      listening={interactive}
      draggable={interactive}
      onPointerDown={handlers.pointerDown}
      onDragMove={handlers.dragMove}
      onDragEnd={handlers.dragEnd}
      onTransform={handlers.transform}
      onTransformEnd={handlers.transformEnd}
    />
  );
});

function boxHandlers(id: number, events: BoxEvents) {
  return {
    ref: (node: Konva.Rect | null) => events.register(id, node),
    pointerDown: (e: Konva.KonvaEventObject<PointerEvent>) => {
      if (e.evt.button !== 0) return;
      e.cancelBubble = true;
      events.pick(id, e.evt.shiftKey);
    },
    dragMove: (e: Konva.KonvaEventObject<DragEvent>) => events.dragMove(id, e.target as Konva.Rect),
    dragEnd: (e: Konva.KonvaEventObject<DragEvent>) => events.dragEnd(id, e.target as Konva.Rect),
    transform: (e: Konva.KonvaEventObject<Event>) => events.transform(id, e.target as Konva.Rect),
    transformEnd: (e: Konva.KonvaEventObject<Event>) => events.transformEnd(id, e.target as Konva.Rect),
  };
}

/** The box's outline in the hit canvas. */
function plainRect(context: Konva.Context, shape: Konva.Shape) {
  context.beginPath();
  context.rect(0, 0, shape.width(), shape.height());
  context.closePath();
  context.fillStrokeShape(shape);
}

/**
 * A selected box: a dark ring under its light outline keeps it visible on bright pixels, at a fraction of a
 * blurred shadow's cost when a thousand boxes are selected.
 */
function haloed(context: Konva.Context, shape: Konva.Shape) {
  context.beginPath();
  context.rect(0, 0, shape.width(), shape.height());
  context.closePath();
  context.setAttr('strokeStyle', HALO_COLOUR);
  context.setAttr('lineWidth', shape.strokeWidth() * 2.2);
  context.stroke();
  context.fillStrokeShape(shape);
}
