import { describe, expect, it } from 'vitest';
import { colourPrior } from '../../../../core/masks/colourPrior.js';

describe('colourPrior', () => {
  // Twenty pixels: the person is red (the first ten), the background blue. The model is unsure of two of them:
  // a red one it gives 0.4 and a blue one it gives 0.6.
  const red = Float32Array.from({ length: 20 }, (_, i) => (i < 10 ? 0.9 : 0.1));
  const blue = Float32Array.from({ length: 20 }, (_, i) => (i < 10 ? 0.1 : 0.9));
  const green = new Float32Array(20).fill(0.3);
  const probs = Float32Array.from({ length: 20 }, (_, i) => (i === 3 ? 0.4 : i === 14 ? 0.6 : i < 10 ? 0.9 : 0.1));

  it('moves an unsure pixel to the side whose colours it has', () => {
    const out = colourPrior([red, green, blue], probs, 0.5, 8);
    expect(out[3]).toBeGreaterThan(0.5);
    expect(out[14]).toBeLessThan(0.5);
    for (let i = 0; i < 20; i++) expect(out[i] > 0.5).toBe(i < 10);
  });

  it('leaves the probabilities as they are at weight 0, and where the colours tell nothing', () => {
    const none = colourPrior([red, green, blue], probs, 0, 8);
    for (let i = 0; i < 20; i++) expect(none[i]).toBeCloseTo(probs[i], 5);
    const grey = new Float32Array(20).fill(0.5);
    const flat = colourPrior([grey, grey, grey], probs, 1, 8);
    // One colour everywhere: its share of the person's weight and of the background's differ only by the smoothing.
    for (let i = 0; i < 20; i++) expect(Math.abs(flat[i] - probs[i])).toBeLessThan(0.01);
  });
});
