/**
 * Positions 0..n-1 of `score` ordered by score descending, equal scores in position order: what a stable
 * sort by descending score gives. The scores are sorted natively and each position placed by binary
 * search, which is much faster than a comparator sort.
 */
export function orderByScore(score: Float64Array, n: number): Int32Array {
  const ascending = score.slice(0, n).sort();
  const placed = new Int32Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = score[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ascending[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ascending[mid] <= s) lo = mid + 1;
      else hi = mid;
    }
    // Equal scores occupy ascending[first .. lo); descending, that block starts at n - lo.
    order[n - lo + placed[first]++] = i;
  }
  return order;
}
