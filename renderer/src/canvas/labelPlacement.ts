/** A box [x, y, w, h] and its label's size, both in image pixels. */
export interface LabelRequest {
  box: readonly [number, number, number, number];
  width: number;
  height: number;
}

/** Where a label's top-left corner goes, in image pixels. */
export interface LabelSpot {
  x: number;
  y: number;
}

type Rect = LabelSpot & { w: number; h: number };

/** A label already placed: its corner and size, in image pixels. */
export type PlacedLabel = LabelSpot & { width: number; height: number };

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The labels placed so far, looked up through a grid of label-sized cells: a thousand labels cost a few thousand
 * comparisons, not a million.
 */
class Placed {
  private readonly grid = new Map<string, Rect[]>();
  private readonly cellW: number;
  private readonly cellH: number;

  constructor(requests: readonly LabelRequest[], taken: readonly PlacedLabel[] = []) {
    // Cells as large as the largest label, of either list, so that a label spans at most a few cells.
    const sizes = [...requests, ...taken];
    this.cellW = Math.max(1e-9, ...sizes.map((r) => r.width));
    this.cellH = Math.max(1e-9, ...sizes.map((r) => r.height));
    for (const t of taken) this.takeFirstFree([{ x: t.x, y: t.y, w: t.width, h: t.height }]);
  }

  /** Takes the first free spot among `spots` and returns it, or null when every one overlaps a placed label. */
  takeFirstFree(spots: Rect[]): LabelSpot | null {
    for (const spot of spots) {
      const keys = this.cells(spot);
      if (keys.some((k) => this.grid.get(k)?.some((p) => overlaps(p, spot)))) continue;
      for (const k of keys) this.grid.set(k, [...(this.grid.get(k) ?? []), spot]);
      return { x: spot.x, y: spot.y };
    }
    return null;
  }

  private cells(s: Rect): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(s.x / this.cellW); i <= Math.floor((s.x + s.w) / this.cellW); i++) {
      for (let j = Math.floor(s.y / this.cellH); j <= Math.floor((s.y + s.h) / this.cellH); j++) keys.push(`${i},${j}`);
    }
    return keys;
  }
}

/**
 * Places each label inside a corner of its box (bottom-left first, then bottom-right, top-left, top-right),
 * in the order given (best first), skipping corners taken by labels already placed. A label that fits in no
 * free corner is left out (null): its box is still drawn. `taken` are labels already on the picture (another
 * list's), which these keep clear of; with `imageWidth`, a label is kept inside the image's width.
 */
export function placeLabels(requests: readonly LabelRequest[], taken: readonly PlacedLabel[] = [], imageWidth = Infinity): (LabelSpot | null)[] {
  const placed = new Placed(requests, taken);
  const inside = (x: number, width: number) => Math.max(0, Math.min(x, imageWidth - width));
  return requests.map(({ box: [x, y, w, h], width, height }) =>
    placed.takeFirstFree(
      [
        { x, y: y + h - height },
        { x: x + w - width, y: y + h - height },
        { x, y },
        { x: x + w - width, y },
      ].map((c) => ({ x: inside(c.x, width), y: c.y, w: width, h: height })),
    ),
  );
}

/**
 * Places ground-truth tags: above the box's top-left corner, or just inside it when the image's top edge or an
 * earlier tag is in the way, shifted left to stay inside the image. A tag with no free place is left out (null)
 * rather than drawn over another one.
 */
export function placeTags(requests: readonly LabelRequest[], imageWidth: number): (LabelSpot | null)[] {
  const placed = new Placed(requests);
  return requests.map(({ box: [bx, by], width, height }) => {
    const x = bx + width > imageWidth ? Math.max(0, imageWidth - width) : bx;
    const ys = by - height >= 0 ? [by - height, by] : [by];
    return placed.takeFirstFree(ys.map((y) => ({ x, y, w: width, h: height })));
  });
}
