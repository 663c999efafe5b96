import { boxFromCorners, roundBox, type Point } from '../../../../core/geometry/box';
import { clampPoint, type Tool, type ToolContext, type ToolPreview } from './tool';

/** The smallest box a drag creates, in image pixels; shorter drags are treated as clicks. */
export const MIN_BOX_SIZE = 2;

type State = { name: 'idle' } | { name: 'drawing'; start: Point; current: Point };

/** Draw box: idle → drawing on press → a new ground-truth box on release. */
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

  up(point: Point): void {
    if (this.state.name !== 'drawing') return;
    const box = roundBox(boxFromCorners(this.state.start, clampPoint(point, this.ctx.imageSize)));
    this.state = { name: 'idle' };
    const category = this.ctx.store.getState().activeCategoryId;
    if (box[2] < MIN_BOX_SIZE || box[3] < MIN_BOX_SIZE || category === null) return;
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
}
