import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeIndexPng } from '../../../../main/importExport/indexPng.js';
import { writeIndexPng } from '../../../helpers/pngWriter.js';

const W = 13;
const H = 7;

function pattern(max: number): number[] {
  return Array.from({ length: W * H }, (_, i) => (i * 7 + Math.floor(i / W) * 3) % (max + 1));
}

describe('reading the stored values of a mask PNG', () => {
  it('reads palette indices, not the palette colours, at every bit depth and through every row filter', () => {
    for (const depth of [1, 2, 4, 8] as const) {
      const values = pattern((1 << depth) - 1);
      const png = decodeIndexPng(writeIndexPng(values, W, H, { depth, palette: true }), 'm.png');
      expect({ depth, width: png.width, height: png.height, values: [...png.values] }).toEqual({ depth, width: W, height: H, values });
    }
  });

  it('reads 8- and 16-bit grey levels as stored', () => {
    for (const depth of [8, 16] as const) {
      const values = pattern(depth === 8 ? 255 : 40000);
      expect([...decodeIndexPng(writeIndexPng(values, W, H, { depth }), 'm.png').values]).toEqual(values);
    }
  });

  it('reads a grey mask written by sharp the same as sharp reads its first channel', async () => {
    const values = Uint8Array.from(pattern(5));
    const file = await sharp(values, { raw: { width: W, height: H, channels: 1 } })
      .toColourspace('b-w')
      .png()
      .toBuffer();
    const viaSharp = await sharp(file).extractChannel(0).raw().toBuffer();
    expect([...decodeIndexPng(file, 'm.png').values]).toEqual([...viaSharp]);
    expect([...viaSharp]).toEqual([...values]);
  });

  it('refuses colour PNGs and files that are not PNGs, naming the file', async () => {
    const rgb = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#102030' } })
      .png()
      .toBuffer();
    expect(() => decodeIndexPng(rgb, 'masks/x.png')).toThrow(/^masks\/x\.png: a mask must be a greyscale or palette PNG .*colour type 2/);
    expect(() => decodeIndexPng(Buffer.from('not a png'), 'masks/y.png')).toThrow(/^masks\/y\.png: not a PNG file/);
    const png = writeIndexPng(pattern(3), W, H, { depth: 8 });
    expect(() => decodeIndexPng(png.subarray(0, png.length - 30), 'z.png')).toThrow(/^z\.png: /);
  });
});
