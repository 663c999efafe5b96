import { describe, expect, it } from 'vitest';
import { centred, fitViewport, toImage, wheelFactor, zoomAt } from '../../../../renderer/src/canvas/viewport.js';

describe('viewport', () => {
  it('fits the whole image inside the stage with a margin, centred', () => {
    const view = fitViewport({ width: 800, height: 600 }, { width: 1000, height: 1000 }, 20);
    expect(view.scale).toBeCloseTo(960 / 800);
    expect(view.x).toBeCloseTo(20);
    expect(view.y).toBeCloseTo((1000 - 600 * view.scale) / 2);
  });

  it('keeps the image point under the cursor fixed while zooming', () => {
    const view = { scale: 0.37, x: 13, y: -40 };
    const pointer = { x: 412, y: 233 };
    const before = toImage(view, pointer);
    for (const scale of [0.05, 1, 3.1, 17]) {
      const after = toImage(zoomAt(view, pointer, scale), pointer);
      expect(after.x).toBeCloseTo(before.x, 9);
      expect(after.y).toBeCloseTo(before.y, 9);
    }
  });

  it('clamps zoom and maps wheel notches to ×1.2 steps', () => {
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, { x: 0, y: 0 }, 1e6).scale).toBe(40);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, { x: 0, y: 0 }, 0).scale).toBe(0.02);
    expect(wheelFactor(-100)).toBeCloseTo(1.2);
    expect(wheelFactor(200)).toBeCloseTo(1 / 1.44);
  });

  it('places an image at 1:1 in the centre', () => {
    expect(centred({ width: 100, height: 50 }, { width: 300, height: 150 }, 1)).toEqual({ scale: 1, x: 100, y: 50 });
  });
});
