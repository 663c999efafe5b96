import type Konva from 'konva';
import { memo, useMemo } from 'react';
import { Rect } from 'react-konva';
import type { Annotation } from '../../../../core/ipc/types';
import { categoryColour, HALO_COLOUR, SELECTION_COLOUR } from '../colours';

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
  selected: boolean;
  scale: number;
  interactive: boolean;
  /** Where a drag of another box of the selection has moved this one so far. */
  dx: number;
  dy: number;
  events: BoxEvents;
}

/** One ground-truth box: picked on press, dragged when selected. */
export const GtBox = memo(function GtBox({ annotation: a, selected, scale, interactive, dx, dy, events }: Props) {
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
      stroke={selected ? SELECTION_COLOUR : categoryColour(a.categoryId)}
      strokeWidth={(selected ? 2.5 : 2) / scale}
      fill={selected ? 'rgba(255, 255, 255, 0.10)' : undefined}
      dash={a.iscrowd ? [6 / scale, 4 / scale] : undefined}
      sceneFunc={selected ? haloed : undefined}
      hitFunc={selected ? plainRect : undefined}
      perfectDrawEnabled={false}
      listening={interactive}
      draggable={interactive && selected}
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
