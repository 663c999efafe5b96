import { describe, expect, it } from 'vitest';
import { drawBoxOutlines, packColour, type PixelTarget } from '../../../../renderer/src/canvas/boxOutlines.js';

const INK = 0xff00ff00;

function target(width: number, height: number): PixelTarget {
  return { pixels: new Uint32Array(width * height), width, height };
}

/** The pixels set, as "x,y" strings, sorted. */
function inked(t: PixelTarget): string[] {
  const out: string[] = [];
  for (let y = 0; y < t.height; y++) for (let x = 0; x < t.width; x++) if (t.pixels[y * t.width + x] !== 0) out.push(`${x},${y}`);
  return out.sort();
}

/** A ring of pixels: the outer rectangle [x0, x1) × [y0, y1) without the inner one. */
function ring(outer: [number, number, number, number], inner: [number, number, number, number]): string[] {
  const out: string[] = [];
  for (let y = outer[1]; y < outer[3]; y++) {
    for (let x = outer[0]; x < outer[2]; x++) {
      const inside = x >= inner[0] && x < inner[2] && y >= inner[1] && y < inner[3];
      if (!inside) out.push(`${x},${y}`);
    }
  }
  return out.sort();
}

describe('box outlines drawn into pixels', () => {
  it('centres a 2-pixel line on the box edge, as a canvas stroke of width 2', () => {
    const t = target(30, 20);
    drawBoxOutlines(t, [[5, 4, 10, 6]], { scale: 1, x: 0, y: 0 }, { colour: INK, thickness: 2, dash: null });
    // Edges at x = 5 and 15, y = 4 and 10: the line covers one pixel either side of each.
    expect(inked(t)).toEqual(ring([4, 3, 16, 11], [6, 5, 14, 9]));
    expect(t.pixels[3 * 30 + 4]).toBe(INK);
  });

  it('follows the view: scale and offset, rounded to whole pixels', () => {
    const t = target(40, 40);
    drawBoxOutlines(t, [[0, 0, 40, 20]], { scale: 0.5, x: 10, y: 20 }, { colour: INK, thickness: 1, dash: null });
    // The box spans x 10..30, y 20..30 on the target; a 1-pixel line starts half a pixel before each edge.
    expect(inked(t)).toEqual(ring([10, 20, 31, 31], [11, 21, 30, 30]));
  });

  it('leaves out what falls outside the target without wrapping into other rows', () => {
    const t = target(20, 10);
    drawBoxOutlines(
      t,
      [
        [-6, 2, 10, 4],
        [15, -3, 20, 30],
        [100, 100, 5, 5],
      ],
      { scale: 1, x: 0, y: 0 },
      { colour: INK, thickness: 2, dash: null },
    );
    const expected = [
      ...ring([-7, 1, 5, 7], [-5, 3, 3, 5]).filter((p) => Number(p.split(',')[0]) >= 0),
      ...ring([14, -4, 36, 28], [16, -2, 34, 26]).filter((p) => {
        const [x, y] = p.split(',').map(Number);
        return x < 20 && y >= 0 && y < 10;
      }),
    ];
    expect(inked(t)).toEqual([...new Set(expected)].sort());
  });

  it('dashes each edge from its start: on, then off', () => {
    const t = target(30, 6);
    drawBoxOutlines(t, [[1, 1, 25, 3]], { scale: 1, x: 0.5, y: 0.5 }, { colour: INK, thickness: 1, dash: [6, 4] });
    const top = Array.from({ length: 30 }, (_, x) => (t.pixels[1 * 30 + x] ? '#' : '.')).join('');
    expect(top).toBe('.######....######....######...');
  });

  it('packs a colour as ImageData holds it: red, green, blue, alpha bytes', () => {
    const bytes = new Uint8Array(new Uint32Array([packColour('#2ec27e')]).buffer);
    expect([...bytes]).toEqual([0x2e, 0xc2, 0x7e, 0xff]);
  });
});
