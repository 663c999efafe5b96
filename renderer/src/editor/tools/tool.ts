import type { Box, Point } from '../../../../core/geometry/box';
import type { EditorStore } from '../editorStore';

export interface Modifiers {
  shift: boolean;
}

export interface ToolContext {
  store: EditorStore;
  imageSize: { width: number; height: number };
  /** Screen pixels per image pixel now. */
  scale(): number;
}

/** What a tool shows while it works: a box being drawn or a selection rectangle. */
export interface ToolPreview {
  kind: 'new-box' | 'rubber-band';
  box: Box;
}

/**
 * A tool is a small state machine fed pointer events on the empty canvas, in image pixels. Presses on a box are
 * handled by the box itself (select, move, resize). A gesture that starts on the canvas is followed to its
 * release wherever that is, with points outside the image clamped to its edge.
 */
export interface Tool {
  readonly name: 'select' | 'box';
  down(point: Point, mods: Modifiers): void;
  move(point: Point): void;
  up(point: Point, mods: Modifiers): void;
  cancel(): void;
  preview(): ToolPreview | null;
}

export function clampPoint(p: Point, size: { width: number; height: number }): Point {
  return { x: Math.min(Math.max(p.x, 0), size.width), y: Math.min(Math.max(p.y, 0), size.height) };
}
