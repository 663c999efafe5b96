import { boxesIntersect, boxFromCorners, type Point } from '../../../../core/geometry/box';
import { boxAt } from '../boxAt';
import { clampPoint, type Modifiers, type Tool, type ToolContext, type ToolPreview } from './tool';

/** Screen-independent slack before a press on the empty canvas becomes a selection rectangle, in image pixels. */
const DRAG_THRESHOLD = 2;

type State = { name: 'idle' } | { name: 'pointing'; start: Point } | { name: 'selecting'; start: Point; current: Point };

/**
 * Select: a press on a box that is not selected picks it (selected boxes take their own presses, to be dragged);
 * on the empty canvas a click clears the selection and a drag selects every box it touches (shift adds).
 */
export class SelectTool implements Tool {
  readonly name = 'select';
  private state: State = { name: 'idle' };

  constructor(private readonly ctx: ToolContext) {}

  down(point: Point, mods: Modifiers): void {
    const { annotations, selection } = this.ctx.store.getState();
    const chosen = new Set(selection);
    const hit = boxAt(
      annotations.filter((a) => !chosen.has(a.id)),
      point,
    );
    if (hit) {
      this.ctx.store.pick(hit.id, mods.shift);
      this.state = { name: 'idle' };
      return;
    }
    this.state = { name: 'pointing', start: clampPoint(point, this.ctx.imageSize) };
  }

  move(point: Point): void {
    if (this.state.name === 'idle') return;
    const current = clampPoint(point, this.ctx.imageSize);
    const { start } = this.state;
    if (this.state.name === 'selecting' || Math.hypot(current.x - start.x, current.y - start.y) > DRAG_THRESHOLD) {
      this.state = { name: 'selecting', start, current };
    }
  }

  up(point: Point, mods: Modifiers): void {
    const store = this.ctx.store;
    if (this.state.name === 'selecting') {
      const band = boxFromCorners(this.state.start, clampPoint(point, this.ctx.imageSize));
      const hits = store
        .getState()
        .annotations.filter((a) => boxesIntersect(a.bbox, band))
        .map((a) => a.id);
      store.select(mods.shift ? [...store.getState().selection, ...hits] : hits);
    } else if (this.state.name === 'pointing' && !mods.shift) {
      store.select([]);
    }
    this.state = { name: 'idle' };
  }

  cancel(): void {
    this.state = { name: 'idle' };
  }

  preview(): ToolPreview | null {
    return this.state.name === 'selecting' ? { kind: 'rubber-band', box: boxFromCorners(this.state.start, this.state.current) } : null;
  }
}
