import { describe, expect, it } from 'vitest';
import { boxAt } from '../../../../renderer/src/editor/boxAt.js';

describe('the box under the pointer', () => {
  const outer = { id: 1, bbox: [0, 0, 100, 200] as [number, number, number, number] };
  const inner = { id: 2, bbox: [20, 20, 30, 40] as [number, number, number, number] };
  const twin = { id: 3, bbox: [20, 20, 30, 40] as [number, number, number, number] };

  it('is the smallest box holding the point, so a nested box is reached by pointing inside it', () => {
    expect(boxAt([outer, inner], { x: 30, y: 30 })).toBe(inner);
    expect(boxAt([inner, outer], { x: 30, y: 30 })).toBe(inner);
    expect(boxAt([outer, inner], { x: 90, y: 150 })).toBe(outer);
    expect(boxAt([outer, inner], { x: 300, y: 30 })).toBeUndefined();
  });

  it('goes to the one listed first between boxes of the same size', () => {
    expect(boxAt([outer, twin, inner], { x: 30, y: 30 })).toBe(twin);
  });
});
