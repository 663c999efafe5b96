import type { Box, Point } from '../../../../core/geometry/box';
import { paintStroke } from '../../../../core/masks/bitmap';
import { addToMask, eraseFromMasks } from '../maskEdits';
import type { Modifiers, Tool, ToolContext, ToolPreview } from './tool';

type State = { name: 'idle' } | { name: 'painting'; points: Point[]; straight: boolean };

/**
 * Brush and eraser: idle → painting on press → one stroke, one undoable edit, on release. The stroke is a round
 * brush of the store's radius dragged through the pointer's path; with Shift held at the press it is a straight
 * line from the press to the pointer. The brush adds to the selected annotation's mask (see addToMask), the
 * eraser removes from masks (see eraseFromMasks).
 */
export class BrushTool implements Tool {
  private state: State = { name: 'idle' };
  private pointer: Point | null = null;

  constructor(
    private readonly ctx: ToolContext,
    readonly name: 'brush' | 'eraser',
  ) {}

  private radius(): number {
    return this.ctx.store.getState().brushRadius;
  }

  down(point: Point, mods: Modifiers): void {
    this.pointer = point;
    this.state = { name: 'painting', points: [point], straight: mods.shift };
  }

  move(point: Point): void {
    this.pointer = point;
    if (this.state.name !== 'painting') return;
    const { points, straight } = this.state;
    if (straight) this.state = { ...this.state, points: [points[0], point] };
    else {
      // Points closer than a fraction of the radius add nothing a segment through them would not paint.
      const last = points[points.length - 1];
      if (Math.hypot(point.x - last.x, point.y - last.y) >= Math.min(1, this.radius() / 4)) points.push(point);
    }
  }

  up(point: Point): void {
    if (this.state.name !== 'painting') return;
    this.move(point);
    const points = this.state.points;
    this.state = { name: 'idle' };
    const radius = this.radius();
    const { store, imageSize } = this.ctx;
    if (this.name === 'brush') {
      void addToMask(store, 'Brush', imageSize, (mask) => paintStroke(mask, points, radius, 1));
    } else {
      void eraseFromMasks(store, 'Erase', imageSize, strokeBounds(points, radius), (mask) => paintStroke(mask, points, radius, 0));
    }
  }

  cancel(): void {
    this.state = { name: 'idle' };
  }

  hover(point: Point | null): void {
    this.pointer = point;
  }

  cursor(): { point: Point; radius: number } | null {
    return this.pointer && { point: this.pointer, radius: this.radius() };
  }

  preview(): ToolPreview | null {
    return this.state.name === 'painting' ? { kind: 'stroke', points: this.state.points, radius: this.radius(), erase: this.name === 'eraser' } : null;
  }
}

function strokeBounds(points: readonly Point[], radius: number): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs) - radius;
  const y = Math.min(...ys) - radius;
  return [x, y, Math.max(...xs) + radius - x, Math.max(...ys) + radius - y];
}
