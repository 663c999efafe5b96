import type { Point } from '../../../../core/geometry/box';
import { simplifyPolygon, traceOutline } from '../../../../core/masks/outline';
import { reshapeLargestPiece } from '../../../../core/masks/reshape';
import { boxAt } from '../boxAt';
import { toDraft } from '../change';
import { maskBitmap, withMask } from '../maskRules';
import { clampPoint, type Tool, type ToolContext, type ToolPreview } from './tool';

/** How near a vertex a press grabs it, in screen pixels. */
export const GRAB_SCREEN_RADIUS = 7;
/** How far, in image pixels, the editable outline may stray from the mask's pixel outline. */
export const OUTLINE_TOLERANCE = 1;

type State = { name: 'idle' } | { name: 'dragging'; index: number; points: Point[] };

/**
 * Reshape: the selected annotation's mask is traced to an outline with a vertex every few pixels (its largest
 * piece, see traceOutline); dragging a vertex moves it, and on release the outline is rasterised again into the
 * mask (see reshapeLargestPiece): one undoable edit per moved vertex. A press away from the vertices selects the
 * box under it.
 */
export class ReshapeTool implements Tool {
  readonly name = 'reshape';
  private state: State = { name: 'idle' };
  /** The outline of the mask it was traced from (or last reshaped into), by annotation and counts. */
  private traced: { id: number; counts: string; points: Point[] } | null = null;

  constructor(private readonly ctx: ToolContext) {}

  private outline(): { id: number; points: Point[] } | null {
    const selected = this.ctx.store.selected();
    const a = selected.length === 1 ? selected[0] : null;
    if (!a?.mask) return null;
    if (this.traced?.id !== a.id || this.traced.counts !== a.mask.counts) {
      const xy = simplifyPolygon(traceOutline(maskBitmap(a, this.ctx.imageSize)), OUTLINE_TOLERANCE);
      const points = Array.from({ length: xy.length / 2 }, (_, i) => ({ x: xy[2 * i], y: xy[2 * i + 1] }));
      this.traced = { id: a.id, counts: a.mask.counts, points };
    }
    return this.traced;
  }

  down(point: Point): void {
    const outline = this.outline();
    const reach = GRAB_SCREEN_RADIUS / this.ctx.scale();
    let index = -1;
    let nearest = reach;
    outline?.points.forEach((v, i) => {
      const d = Math.hypot(v.x - point.x, v.y - point.y);
      if (d <= nearest) {
        nearest = d;
        index = i;
      }
    });
    if (outline && index >= 0) this.state = { name: 'dragging', index, points: [...outline.points] };
  }

  move(point: Point): void {
    if (this.state.name !== 'dragging') return;
    const points = [...this.state.points];
    points[this.state.index] = clampPoint(point, this.ctx.imageSize);
    this.state = { ...this.state, points };
  }

  up(point: Point): void {
    const { store, imageSize } = this.ctx;
    if (this.state.name !== 'dragging') {
      const hit = boxAt(store.getState().annotations, point);
      store.select(hit ? [hit.id] : []);
      return;
    }
    this.move(point);
    const points = this.state.points;
    this.state = { name: 'idle' };
    const a = store.selected()[0];
    if (!a?.mask) return;
    const edited = withMask(
      toDraft(a),
      reshapeLargestPiece(
        maskBitmap(a, imageSize),
        points.flatMap((p) => [p.x, p.y]),
      ),
    );
    // The outline as placed stays the one shown, rather than a new trace of its own pixels.
    if (edited.mask) this.traced = { id: a.id, counts: edited.mask.counts, points };
    void store.edit('Reshape mask', { create: [], update: [edited], delete: [] });
  }

  cancel(): void {
    this.state = { name: 'idle' };
  }

  preview(): ToolPreview | null {
    if (this.state.name === 'dragging') return { kind: 'outline', points: this.state.points, active: this.state.index };
    const outline = this.outline();
    return outline && { kind: 'outline', points: outline.points, active: null };
  }
}
