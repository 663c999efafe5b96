/**
 * He, Sun and Tang's guided filter (ECCV 2010) with a colour guide (three planes: R, G and B in 0..1): `input`
 * smoothed so that its edges follow the guide's, over square windows of radius `radius`; `eps` sets how strong an
 * edge of the guide must be to be kept. All are `w × h` grids in one layout (row- or column-major: the filter is
 * the same either way).
 */
export function guidedFilter(
  guide: readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>],
  input: ArrayLike<number>,
  w: number,
  h: number,
  radius: number,
  eps: number,
): Float32Array {
  const n = w * h;
  const mean = (values: ArrayLike<number>) => boxMean(values, w, h, radius);
  const product = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
    return out;
  };
  const [r, g, b] = guide;
  const [mr, mg, mb] = guide.map(mean);
  const mp = mean(input);
  const [pr, pg, pb] = guide.map((c) => mean(product(c, input)));
  const rr = mean(product(r, r));
  const rg = mean(product(r, g));
  const rb = mean(product(r, b));
  const gg = mean(product(g, g));
  const gb = mean(product(g, b));
  const bb = mean(product(b, b));
  const [ar, ag, ab, beta] = [new Float32Array(n), new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let i = 0; i < n; i++) {
    // Σ + eps·I and the covariance of the guide with the input, over the window.
    const s11 = rr[i] - mr[i] * mr[i] + eps;
    const s12 = rg[i] - mr[i] * mg[i];
    const s13 = rb[i] - mr[i] * mb[i];
    const s22 = gg[i] - mg[i] * mg[i] + eps;
    const s23 = gb[i] - mg[i] * mb[i];
    const s33 = bb[i] - mb[i] * mb[i] + eps;
    const cr = pr[i] - mr[i] * mp[i];
    const cg = pg[i] - mg[i] * mp[i];
    const cb = pb[i] - mb[i] * mp[i];
    // Σ⁻¹ by cofactors (Σ is symmetric).
    const i11 = s22 * s33 - s23 * s23;
    const i12 = s13 * s23 - s12 * s33;
    const i13 = s12 * s23 - s13 * s22;
    const i22 = s11 * s33 - s13 * s13;
    const i23 = s12 * s13 - s11 * s23;
    const i33 = s11 * s22 - s12 * s12;
    const det = s11 * i11 + s12 * i12 + s13 * i13;
    ar[i] = (i11 * cr + i12 * cg + i13 * cb) / det;
    ag[i] = (i12 * cr + i22 * cg + i23 * cb) / det;
    ab[i] = (i13 * cr + i23 * cg + i33 * cb) / det;
    beta[i] = mp[i] - ar[i] * mr[i] - ag[i] * mg[i] - ab[i] * mb[i];
  }
  const [qr, qg, qb, qb0] = [ar, ag, ab, beta].map(mean);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = qr[i] * r[i] + qg[i] * g[i] + qb[i] * b[i] + qb0[i];
  return out;
}

/** The mean over each cell's window (clipped at the edges), from a summed-area table. */
function boxMean(values: ArrayLike<number>, w: number, h: number, r: number): Float32Array {
  const sums = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += values[y * w + x];
      sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1] + row;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const ya = Math.max(0, y - r);
    const yb = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const xa = Math.max(0, x - r);
      const xb = Math.min(w, x + r + 1);
      const s = sums[yb * (w + 1) + xb] - sums[ya * (w + 1) + xb] - sums[yb * (w + 1) + xa] + sums[ya * (w + 1) + xa];
      out[y * w + x] = s / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}
