import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../../renderer/src/canvas/labelPlacement.js';

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
