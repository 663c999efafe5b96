import { describe, expect, it } from 'vitest';
import { placeLabels, placeTags } from '../../../../renderer/src/canvas/labelPlacement.js';

describe('placeLabels', () => {
  it('puts a label in the bottom-left corner inside its box', () => {
    expect(placeLabels([{ box: [10, 20, 100, 50], width: 30, height: 10 }])).toEqual([{ x: 10, y: 60 }]);
  });

  it('moves to the next free corner when the better label took it, and leaves out one with no room', () => {
    const box = [10, 20, 100, 50] as const;
    const spots = placeLabels([1, 2, 3, 4, 5].map(() => ({ box, width: 30, height: 10 })));
    expect(spots).toEqual([{ x: 10, y: 60 }, { x: 80, y: 60 }, { x: 10, y: 20 }, { x: 80, y: 20 }, null]);
  });
});

describe('placeLabels beside labels already placed', () => {
  it('keeps clear of another list’s labels: a ground-truth tag inside the top of a box pushes the score label to a free corner', () => {
    const box = [0, 0, 100, 100] as const;
    // The tag sits just inside the box's top-left corner, as placeTags puts it at the image's top edge.
    const taken = [{ x: 0, y: 0, width: 40, height: 10 }];
    expect(placeLabels([{ box, width: 30, height: 10 }], taken)).toEqual([{ x: 0, y: 90 }]);
    // With the bottom corners taken too, the label goes top-right, clear of the tag.
    const crowded = [...taken, { x: 0, y: 90, width: 100, height: 10 }];
    expect(placeLabels([{ box, width: 30, height: 10 }], crowded)).toEqual([{ x: 70, y: 0 }]);
    // And with no corner left it is left out rather than drawn over a tag.
    expect(placeLabels([{ box, width: 30, height: 10 }], [...crowded, { x: 60, y: 0, width: 40, height: 10 }])).toEqual([null]);
  });

  it('places nothing, quickly, when only the other list has labels', () => {
    expect(placeLabels([], [{ x: 10, y: 10, width: 80, height: 14 }])).toEqual([]);
  });

  it('keeps a label inside the image when its box reaches the right edge', () => {
    expect(placeLabels([{ box: [180, 0, 20, 50], width: 60, height: 10 }], [], 200)).toEqual([{ x: 140, y: 40 }]);
  });
});

describe('placeTags', () => {
  it('puts a tag above its box, inside it at the top edge of the image, and inside the image on the right', () => {
    const requests = [
      { box: [10, 40, 50, 50] as const, width: 30, height: 10 },
      { box: [200, 5, 50, 50] as const, width: 30, height: 10 },
      { box: [390, 100, 10, 50] as const, width: 30, height: 10 },
    ];
    expect(placeTags(requests, 400)).toEqual([
      { x: 10, y: 30 },
      { x: 200, y: 5 },
      { x: 370, y: 90 },
    ]);
  });

  it('moves a tag inside its box when an earlier one is in the way, and leaves it out when both places are taken', () => {
    const tag = { width: 40, height: 10 };
    const spots = placeTags(
      [
        { box: [0, 20, 30, 80] as const, ...tag },
        { box: [20, 20, 30, 80] as const, ...tag },
        { box: [25, 20, 30, 80] as const, ...tag },
      ],
      1000,
    );
    expect(spots).toEqual([{ x: 0, y: 10 }, { x: 20, y: 20 }, null]);
  });

  it('never overlaps two tags among a thousand crowded boxes', () => {
    const requests = Array.from({ length: 1000 }, (_, i) => ({ box: [(i * 37) % 900, (i * 53) % 700, 20, 40] as const, width: 50, height: 12 }));
    const placed = placeTags(requests, 1000).flatMap((s) => (s ? [s] : []));
    expect(placed.length).toBeGreaterThan(100);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const [a, b] = [placed[i], placed[j]];
        expect(a.x < b.x + 50 && b.x < a.x + 50 && a.y < b.y + 12 && b.y < a.y + 12).toBe(false);
      }
    }
  });
});
