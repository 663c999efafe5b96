import type { Box, Point } from '../../../../core/geometry/box';
import type { EditorStore, ToolName } from '../editorStore';

export interface Modifiers {
  shift: boolean;
}

export interface ToolContext {
  store: EditorStore;
  /** The image this tool works on: each image gets a tool of its own, so nothing half done crosses to another. */
  imageId: number;
  imageSize: { width: number; height: number };
  /** Screen pixels per image pixel now. */
  scale(): number;
  /** What the tool shows has changed outside a pointer event (a key finished or undid something). */
  changed(): void;
}

/** What a tool shows while it works: a box being drawn, a selection rectangle, a stroke, a polygon. */
export type ToolPreview =
  | { kind: 'new-box' | 'rubber-band'; box: Box }
  | { kind: 'stroke'; points: Point[]; radius: number; erase: boolean }
  | { kind: 'polygon'; points: Point[]; cursor: Point | null; closing: boolean }
  | { kind: 'outline'; points: Point[]; active: number | null };

/** Keys a tool may answer: finish what it is placing, drop the last thing placed, drop it all. */
export type ToolCommand = 'finish' | 'remove-last' | 'cancel';

/**
 * A tool is a small state machine fed pointer events on the canvas, in image pixels. With the select tool,
 * presses on a selected box are handled by the box itself (move, resize); the others get every press. A gesture
 * that starts on the canvas is followed to its release wherever that is, with points outside the image clamped to
 * its edge.
 */
export interface Tool {
  readonly name: ToolName;
  down(point: Point, mods: Modifiers): void;
  move(point: Point): void;
  up(point: Point, mods: Modifiers): void;
  /** Drops the gesture under way (the press, the drag), not what earlier gestures placed. */
  cancel(): void;
  preview(): ToolPreview | null;
  /** The pointer over the canvas with no button held. */
  hover?(point: Point | null): void;
  /** The brush outline to draw at the pointer: centre and radius in image pixels. */
  cursor?(): { point: Point; radius: number } | null;
  can?(command: ToolCommand): boolean;
  run?(command: ToolCommand): void;
}

export function clampPoint(p: Point, size: { width: number; height: number }): Point {
  return { x: Math.min(Math.max(p.x, 0), size.width), y: Math.min(Math.max(p.y, 0), size.height) };
}
