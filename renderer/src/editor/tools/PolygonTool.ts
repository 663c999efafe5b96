import type { Point } from '../../../../core/geometry/box';
import { rleFromPolygon } from '../../../../core/masks/polygon';
import { rleDecode } from '../../../../core/masks/rle';
import { addToMask } from '../maskEdits';
import { clampPoint, type Tool, type ToolCommand, type ToolContext, type ToolPreview } from './tool';

/** How near the first vertex a click closes the polygon, in screen pixels. */
export const CLOSE_SCREEN_RADIUS = 8;

type State = { name: 'idle' } | { name: 'placing'; points: Point[] };

/**
 * Polygon: each click places a vertex; a click on the first vertex (or Enter) closes it, Backspace drops the last
 * vertex, Esc drops them all. The closed polygon is rasterised as pycocotools rasterises polygons and added to
 * the selected annotation's mask, or becomes a new annotation (see addToMask).
 */
export class PolygonTool implements Tool {
  readonly name = 'polygon';
  private state: State = { name: 'idle' };
  private pointer: Point | null = null;

  constructor(private readonly ctx: ToolContext) {}

  down(point: Point): void {
    this.pointer = point;
  }

  move(point: Point): void {
    this.pointer = point;
  }

  up(point: Point): void {
    const p = clampPoint(point, this.ctx.imageSize);
    if (this.closes(p)) return this.run('finish');
    const points = this.state.name === 'placing' ? this.state.points : [];
    this.state = { name: 'placing', points: [...points, p] };
  }

  cancel(): void {
    // A press takes effect on release, so a cancelled press placed nothing.
  }

  hover(point: Point | null): void {
    this.pointer = point;
  }

  can(command: ToolCommand): boolean {
    if (this.state.name !== 'placing') return false;
    return command === 'finish' ? this.state.points.length >= 3 : true;
  }

  run(command: ToolCommand): void {
    if (!this.can(command) || this.state.name !== 'placing') return;
    const points = this.state.points;
    if (command === 'remove-last') {
      this.state = points.length > 1 ? { name: 'placing', points: points.slice(0, -1) } : { name: 'idle' };
    } else {
      this.state = { name: 'idle' };
      if (command === 'finish') {
        const { store, imageSize } = this.ctx;
        const xy = points.flatMap((p) => [p.x, p.y]);
        void addToMask(store, 'Polygon', imageSize, (mask) => {
          const filled = rleDecode(rleFromPolygon(xy, imageSize.height, imageSize.width));
          for (let i = 0; i < filled.length; i++) if (filled[i]) mask.data[i] = 1;
        });
      }
    }
    this.ctx.changed();
  }

  preview(): ToolPreview | null {
    if (this.state.name !== 'placing') return null;
    return { kind: 'polygon', points: this.state.points, cursor: this.pointer, closing: !!this.pointer && this.closes(this.pointer) };
  }

  private closes(p: Point): boolean {
    if (this.state.name !== 'placing' || this.state.points.length < 3) return false;
    const first = this.state.points[0];
    return Math.hypot(p.x - first.x, p.y - first.y) * this.ctx.scale() <= CLOSE_SCREEN_RADIUS;
  }
}
