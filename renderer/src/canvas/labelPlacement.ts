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

const overlaps = (a: LabelSpot & { w: number; h: number }, b: LabelSpot & { w: number; h: number }) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Places each label inside a corner of its box (bottom-left first, then bottom-right, top-left, top-right),
 * in the order given (best first), skipping corners taken by labels already placed. A label that fits in no
 * free corner is left out (null): its box is still drawn.
 */
export function placeLabels(requests: readonly LabelRequest[]): (LabelSpot | null)[] {
  const placed: (LabelSpot & { w: number; h: number })[] = [];
  return requests.map(({ box: [x, y, w, h], width, height }) => {
    const corners = [
      { x, y: y + h - height },
      { x: x + w - width, y: y + h - height },
      { x, y },
      { x: x + w - width, y },
    ];
    const spot = corners.map((c) => ({ ...c, w: width, h: height })).find((c) => !placed.some((p) => overlaps(p, c)));
    if (!spot) return null;
    placed.push(spot);
    return { x: spot.x, y: spot.y };
  });
}

/**
 * Places ground-truth tags: above the box's top-left corner, or just inside it when the image's top edge or an
 * earlier tag is in the way, shifted left to stay inside the image. A tag with no free place is left out (null)
 * rather than drawn over another one. Tags are looked up in a grid of tag-sized cells, so a thousand boxes cost
 * a few thousand comparisons, not a million.
 */
export function placeTags(requests: readonly LabelRequest[], imageWidth: number): (LabelSpot | null)[] {
  const cellW = Math.max(1e-9, ...requests.map((r) => r.width));
  const cellH = Math.max(1e-9, ...requests.map((r) => r.height));
  const grid = new Map<string, (LabelSpot & { w: number; h: number })[]>();
  const cells = (s: LabelSpot & { w: number; h: number }) => {
    const keys: string[] = [];
    for (let i = Math.floor(s.x / cellW); i <= Math.floor((s.x + s.w) / cellW); i++) {
      for (let j = Math.floor(s.y / cellH); j <= Math.floor((s.y + s.h) / cellH); j++) keys.push(`${i},${j}`);
    }
    return keys;
  };
  return requests.map(({ box: [bx, by], width, height }) => {
    const x = bx + width > imageWidth ? Math.max(0, imageWidth - width) : bx;
    const candidates = by - height >= 0 ? [by - height, by] : [by];
    for (const y of candidates) {
      const spot = { x, y, w: width, h: height };
      const keys = cells(spot);
      if (keys.some((k) => grid.get(k)?.some((p) => overlaps(p, spot)))) continue;
      for (const k of keys) grid.set(k, [...(grid.get(k) ?? []), spot]);
      return { x, y };
    }
    return null;
  });
}
