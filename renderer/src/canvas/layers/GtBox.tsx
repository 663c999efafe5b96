import type Konva from 'konva';
import { memo } from 'react';
import { Rect } from 'react-konva';
import type { Annotation } from '../../../../core/ipc/types';
import { categoryColour, SELECTION_COLOUR } from '../colours';

/** What a box reports; one stable object for all boxes, so a box re-renders only when its own props change. */
export interface BoxEvents {
  pick(id: number, shift: boolean): void;
  dragMove(id: number, node: Konva.Rect): void;
  dragEnd(id: number, node: Konva.Rect): void;
  transformEnd(id: number, node: Konva.Rect): void;
  register(id: number, node: Konva.Rect | null): void;
}

interface Props {
  annotation: Annotation;
  selected: boolean;
  scale: number;
  interactive: boolean;
  /** Where a multi-box drag has moved the selection so far. */
  dx: number;
  dy: number;
  events: BoxEvents;
}

/** One ground-truth box: picked on press, dragged when selected. */
export const GtBox = memo(function GtBox({ annotation: a, selected, scale, interactive, dx, dy, events }: Props) {
  const [x, y, w, h] = a.bbox;
  return (
    <Rect
      name="gt-box"
      ref={(node) => events.register(a.id, node)}
      x={x + dx}
      y={y + dy}
      width={w}
      height={h}
      stroke={selected ? SELECTION_COLOUR : categoryColour(a.categoryId)}
      strokeWidth={(selected ? 2.5 : 2) / scale}
      fill={selected ? 'rgba(255, 255, 255, 0.10)' : 'rgba(0, 0, 0, 0.001)'}
      dash={a.iscrowd ? [6 / scale, 4 / scale] : undefined}
      shadowColor="#000"
      shadowBlur={selected ? 4 : 0}
      shadowOpacity={0.6}
      perfectDrawEnabled={false}
      listening={interactive}
      draggable={interactive && selected}
      onPointerDown={(e) => {
        if (e.evt.button !== 0) return;
        e.cancelBubble = true;
        events.pick(a.id, e.evt.shiftKey);
      }}
      onDragMove={(e) => events.dragMove(a.id, e.target as Konva.Rect)}
      onDragEnd={(e) => events.dragEnd(a.id, e.target as Konva.Rect)}
      onTransformEnd={(e) => events.transformEnd(a.id, e.target as Konva.Rect)}
    />
  );
});
