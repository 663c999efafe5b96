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
