/**
 * A mask's probabilities sharpened by the colours of the person and of what surrounds them: colour histograms of
 * the box's pixels are built twice, weighted by the probability (the person) and by its complement (the
 * background), and each pixel's log-odds gain `weight` times the log-ratio of its colour's two frequencies.
 * Colours are R, G and B planes in 0..1, in the same layout as the probabilities.
 */
export function colourPrior(
  colours: readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>],
  probs: ArrayLike<number>,
  weight: number,
  bins = 8,
): Float32Array {
  const n = probs.length;
  const cells = bins * bins * bins;
  const person = new Float64Array(cells);
  const rest = new Float64Array(cells);
  const cell = new Int32Array(n);
  const [r, g, b] = colours;
  const bin = (v: number) => Math.min(bins - 1, Math.floor(v * bins));
  let personTotal = 0;
  let restTotal = 0;
  for (let i = 0; i < n; i++) {
    const c = (bin(r[i]) * bins + bin(g[i])) * bins + bin(b[i]);
    cell[i] = c;
    const p = probs[i];
    person[c] += p;
    rest[c] += 1 - p;
    personTotal += p;
    restTotal += 1 - p;
  }
  const out = new Float32Array(n);
  const floor = 1e-4;
  for (let i = 0; i < n; i++) {
    const c = cell[i];
    const p = Math.min(1 - floor, Math.max(floor, probs[i]));
    const ratio = Math.log((person[c] + 1) / (personTotal + cells)) - Math.log((rest[c] + 1) / (restTotal + cells));
    out[i] = 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + weight * ratio)));
  }
  return out;
}
