import { boxFromCorners, roundBox, type Point } from '../../../../core/geometry/box';
import { boxAt } from '../boxAt';
import { clampPoint, type Modifiers, type Tool, type ToolContext, type ToolPreview } from './tool';

/**
 * The smallest box a drag draws, in screen pixels on each side: a shorter drag is a click, which selects the box
 * under it (Shift: adds or removes it) or clears the selection. On screen, because an unsteady click moves the
 * mouse by screen pixels whatever the zoom.
 */
export const MIN_BOX_SCREEN_SIZE = 6;

type State = { name: 'idle' } | { name: 'drawing'; start: Point; current: Point };

/** Draw box: idle → drawing on press → a new ground-truth box on release, or a click when the drag is tiny. */
export class BoxTool implements Tool {
  readonly name = 'box';
  private state: State = { name: 'idle' };

  constructor(private readonly ctx: ToolContext) {}

  down(point: Point): void {
    const p = clampPoint(point, this.ctx.imageSize);
    this.state = { name: 'drawing', start: p, current: p };
  }

  move(point: Point): void {
    if (this.state.name === 'drawing') this.state = { ...this.state, current: clampPoint(point, this.ctx.imageSize) };
  }

  up(point: Point, mods: Modifiers): void {
    if (this.state.name !== 'drawing') return;
    const end = clampPoint(point, this.ctx.imageSize);
    const box = roundBox(boxFromCorners(this.state.start, end));
    this.state = { name: 'idle' };
    const smallest = MIN_BOX_SCREEN_SIZE / this.ctx.scale();
    if (box[2] < smallest || box[3] < smallest) return this.click(end, mods);
    const category = this.ctx.store.getState().activeCategoryId;
    if (category === null) return;
    void this.ctx.store.edit(
      'Draw box',
      { create: [{ categoryId: category, bbox: box, area: box[2] * box[3], iscrowd: false, mask: null }], update: [], delete: [] },
      true,
    );
  }

  cancel(): void {
    this.state = { name: 'idle' };
  }

  preview(): ToolPreview | null {
    return this.state.name === 'drawing' ? { kind: 'new-box', box: boxFromCorners(this.state.start, this.state.current) } : null;
  }

  private click(point: Point, mods: Modifiers): void {
    const { store } = this.ctx;
    const hit = boxAt(store.getState().annotations, point);
    if (!hit) {
      if (!mods.shift) store.select([]);
    } else if (mods.shift) {
      store.pick(hit.id, true);
    } else {
      store.select([hit.id]);
    }
  }
}
