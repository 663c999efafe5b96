import { describe, expect, it } from 'vitest';
import { boxPixels, mirrorRows, pastePromptMask, promptProbabilities, thresholdInBox } from '../../../../core/masks/promptMask.js';
import { rleDecode } from '../../../../core/masks/rle.js';
import { toArt } from './art.js';

const art = (rle: ReturnType<typeof pastePromptMask>) => toArt({ h: rle.h, w: rle.w, data: rleDecode(rle) });

describe('pastePromptMask', () => {
  it('pastes a map over a crop back into image pixels, clipped to the prompt box', () => {
    // The crop is the image's columns 2..5 and rows 1..4, fed at twice its size: an 8 × 8 map, all foreground.
    const crop = { region: [2, 1, 4, 4] as [number, number, number, number], input: { width: 8, height: 8 } };
    const probs = new Float32Array(64).fill(0.9);
    expect(art(pastePromptMask(probs, 0, 8, 8, crop, [3, 1, 2, 3], 8, 6, 0.5))).toEqual([
      '........',
      '...##...',
      '...##...',
      '...##...',
      '........',
      '........',
    ]);
  });

  it('samples the map where each image pixel lies, and thresholds it', () => {
    // The left half of the map is foreground: the crop's left two columns of pixels.
    const crop = { region: [2, 1, 4, 4] as [number, number, number, number], input: { width: 8, height: 8 } };
    const probs = new Float32Array(64);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 4; x++) probs[y * 8 + x] = 1;
    expect(art(pastePromptMask(probs, 0, 8, 8, crop, [2, 1, 4, 4], 8, 6, 0.5))).toEqual([
      '........',
      '..##....',
      '..##....',
      '..##....',
      '..##....',
      '........',
    ]);
    expect(
      art(
        pastePromptMask(
          probs.map((p) => p * 0.4),
          0,
          8,
          8,
          crop,
          [2, 1, 4, 4],
          8,
          6,
          0.5,
        ),
      ).join(''),
    ).not.toContain('#');
  });

  it('reads the map at an offset (one detection of several)', () => {
    const crop = { region: [0, 0, 2, 2] as [number, number, number, number], input: { width: 2, height: 2 } };
    const probs = Float32Array.of(0, 0, 0, 0, 1, 1, 1, 1);
    expect(art(pastePromptMask(probs, 4, 2, 2, crop, [0, 0, 2, 2], 3, 2, 0.5))).toEqual(['##.', '##.']);
    expect(art(pastePromptMask(probs, 0, 2, 2, crop, [0, 0, 2, 2], 3, 2, 0.5))).toEqual(['...', '...']);
  });

  it('is empty for a box that covers no pixel centre', () => {
    expect(boxPixels([1.6, 1.6, 0.3, 0.3], 4, 4)).toBeNull();
    expect(boxPixels([0.5, 0.5, 2, 2], 4, 4)).toEqual({ x0: 0, x1: 2, y0: 0, y1: 2 });
    const crop = { region: [0, 0, 4, 4] as [number, number, number, number], input: { width: 4, height: 4 } };
    expect(art(pastePromptMask(new Float32Array(16).fill(1), 0, 4, 4, crop, [1.6, 1.6, 0.3, 0.3], 4, 4, 0.5)).join('')).not.toContain('#');
  });
});

describe('promptProbabilities and thresholdInBox', () => {
  it("give the box's pixels column by column, and the mask of those above the threshold", () => {
    const crop = { region: [0, 0, 4, 2] as [number, number, number, number], input: { width: 4, height: 2 } };
    const probs = Float32Array.of(0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6);
    const inside = boxPixels([1, 0, 2, 2], 4, 2)!;
    expect(Array.from(promptProbabilities(probs, 0, 2, 4, crop, inside)).map((v) => Math.round(v * 10) / 10)).toEqual([0.9, 0.7, 0.2, 0.4]);
    expect(art(thresholdInBox(Float32Array.of(0.9, 0.7, 0.2, 0.4), inside, 4, 2, 0.5))).toEqual(['.#..', '.#..']);
  });
});

describe('mirrorRows', () => {
  it('mirrors each row of a row-major grid, plane after plane', () => {
    expect(Array.from(mirrorRows(Float32Array.of(1, 2, 3, 4, 5, 6), 3))).toEqual([3, 2, 1, 6, 5, 4]);
    expect(Array.from(mirrorRows(mirrorRows([1, 2, 3, 4], 2), 2))).toEqual([1, 2, 3, 4]);
  });
});
