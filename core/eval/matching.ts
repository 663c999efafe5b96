/**
 * Greedy matching of one cell (one image and category): per area range, the ground truth is walked with
 * the counted ones first, and per threshold each detection, best score first, takes the ground truth of
 * highest IoU (at least the threshold; the last of equal IoUs) that is still free or is a crowd region,
 * never trading a counted match for an ignored one.
 */
export class CellMatcher {
  /** Ground truth in matching order (cell positions), and per position: ignored, crowd, id 0, taken by. */
  order = new Int32Array(16);
  ig = new Uint8Array(16);
  crowd = new Uint8Array(16);
  idZero = new Uint8Array(16);
  taken = new Int32Array(16);
  /** Detections that reach the lowest threshold with some ground truth; the others never match. */
  candidates = new Int32Array(16);
  candidateCount = 0;
  outside = new Uint8Array(16);
  /** Per detection: the matching position it took at the last threshold, or -1. */
  hit = new Int32Array(16);

  ensure(G: number, D: number): void {
    if (G > this.order.length) {
      const n = Math.max(G, this.order.length * 2);
      this.order = new Int32Array(n);
      this.ig = new Uint8Array(n);
      this.crowd = new Uint8Array(n);
      this.idZero = new Uint8Array(n);
      this.taken = new Int32Array(n);
    }
    if (D > this.candidates.length) {
      const n = Math.max(D, this.candidates.length * 2);
      this.candidates = new Int32Array(n);
      this.outside = new Uint8Array(n);
      this.hit = new Int32Array(n);
    }
  }

  /** Lists the detections whose best IoU (row d of the nd×ng matrix at `ious[offset]`) reaches `lowest`. */
  findCandidates(ious: Float64Array, offset: number, nd: number, ng: number, lowest: number): void {
    let n = 0;
    for (let d = 0; d < nd; d++) {
      const row = offset + d * ng;
      for (let g = 0; g < ng; g++) {
        if (ious[row + g] >= lowest) {
          this.candidates[n++] = d;
          break;
        }
      }
    }
    this.candidateCount = n;
  }

  /**
   * Matches the candidates at threshold index t and sets their bits. A match with ground-truth id 0 counts
   * as no match, as in pycocotools, which records matches by id.
   */
  match(ious: Float64Array, offset: number, ng: number, threshold: number, t: number, tpBits: Uint32Array, igBits: Uint32Array, first: number): void {
    const { ig, crowd, taken, hit, outside, order, idZero, candidates } = this;
    const bit = 1 << t;
    taken.fill(-1, 0, ng);
    for (let c = 0; c < this.candidateCount; c++) {
      const d = candidates[c];
      let best = threshold;
      let m = -1;
      const row = offset + d * ng;
      for (let p = 0; p < ng; p++) {
        if (taken[p] >= 0 && !crowd[p]) continue;
        if (m > -1 && ig[m] === 0 && ig[p] === 1) break;
        const iou = ious[row + order[p]];
        if (iou < best) continue;
        best = iou;
        m = p;
      }
      hit[d] = m;
      if (m < 0) {
        if (outside[d]) igBits[first + d] |= bit;
        continue;
      }
      taken[m] = d;
      if (ig[m]) igBits[first + d] |= bit;
      else if (!idZero[m]) tpBits[first + d] |= bit;
      else if (outside[d]) igBits[first + d] |= bit;
    }
  }
}
