/**
 * COCO run-length encoded masks.
 *
 * A mask of `h` rows and `w` columns is read column by column (column-major, as COCO and maskApi do).
 * `counts` holds alternating run lengths, the first run counting zeros (it may be 0).
 */
export interface Rle {
  readonly h: number;
  readonly w: number;
  readonly counts: Uint32Array;
}

/** `[x, y, width, height]` in pixels. */
export type BoxTuple = [number, number, number, number];

/** Encodes a column-major mask (index `x * h + y`); any non-zero value is foreground. */
export function rleEncode(mask: ArrayLike<number>, h: number, w: number): Rle {
  const n = h * w;
  if (mask.length !== n) throw new Error(`rleEncode: mask has ${mask.length} values, expected ${h}×${w} = ${n}`);
  const runs: number[] = [];
  let value = 0;
  let run = 0;
  for (let i = 0; i < n; i++) {
    const v = mask[i] !== 0 ? 1 : 0;
    if (v !== value) {
      runs.push(run);
      run = 0;
      value = v;
    }
    run++;
  }
  runs.push(run);
  return { h, w, counts: Uint32Array.from(runs) };
}

/**
 * The RLE of a `w`-column mask that is empty outside a band of columns starting at `x0`: `band` is that band,
 * column-major with `h` rows; the empty columns either side join the first and last runs of zeros.
 */
export function rleFromColumnBand(band: ArrayLike<number>, h: number, w: number, x0: number): Rle {
  const counts = rleEncode(band, h, band.length / h).counts;
  const before = x0 * h;
  let total = 0;
  for (const c of counts) total += c;
  const after = h * w - before - total;
  const out = Array.from(counts);
  out[0] += before;
  if (after > 0) {
    if (out.length % 2 === 1) out[out.length - 1] += after;
    else out.push(after);
  }
  return { h, w, counts: Uint32Array.from(out) };
}

/** Decodes to a column-major mask of 0/1 bytes. */
export function rleDecode(rle: Rle): Uint8Array {
  const mask = new Uint8Array(rle.h * rle.w);
  const counts = rle.counts;
  let pos = 0;
  for (let i = 0; i < counts.length; i++) {
    const end = pos + counts[i];
    if (end > mask.length) throw new Error(`rleDecode: counts cover more than ${rle.h}×${rle.w} pixels`);
    if (i & 1) mask.fill(1, pos, end);
    pos = end;
  }
  return mask;
}

/** Number of foreground pixels. */
export function rleArea(rle: Rle): number {
  const counts = rle.counts;
  let area = 0;
  for (let i = 1; i < counts.length; i += 2) area += counts[i];
  return area;
}

/**
 * Tight bounding box of the foreground, following maskApi's rleToBbox (including its treatment of a
 * foreground run that wraps into the next column: the box then spans the full height).
 */
export function rleToBbox(rle: Rle): BoxTuple {
  const { h, w, counts } = rle;
  const m = counts.length - (counts.length % 2);
  if (m === 0) return [0, 0, 0, 0];
  let xs = w;
  let ys = h;
  let xe = 0;
  let ye = 0;
  let cc = 0;
  let xp = 0;
  for (let j = 0; j < m; j++) {
    cc += counts[j];
    const t = cc - (j % 2);
    const y = t % h;
    const x = (t - y) / h;
    if (j % 2 === 0) xp = x;
    else if (xp < x) {
      ys = 0;
      ye = h - 1;
    }
    if (x < xs) xs = x;
    if (x > xe) xe = x;
    if (y < ys) ys = y;
    if (y > ye) ye = y;
  }
  return [xs, ys, xe - xs + 1, ye - ys + 1];
}

/**
 * Union (default) or intersection of masks of one size, as maskApi's rleMerge.
 * Merging nothing gives an empty 0×0 mask; masks of different sizes are an error.
 */
export function rleMerge(rles: readonly Rle[], intersect = false): Rle {
  if (rles.length === 0) return { h: 0, w: 0, counts: new Uint32Array(0) };
  const { h, w } = rles[0];
  if (rles.length === 1) return { h, w, counts: rles[0].counts.slice() };
  let acc = rles[0].counts;
  for (let i = 1; i < rles.length; i++) {
    const b = rles[i];
    if (b.h !== h || b.w !== w) {
      throw new Error(`rleMerge: mask ${i} is ${b.h}×${b.w}, expected ${h}×${w}`);
    }
    acc = mergeCounts(acc, b.counts, intersect);
  }
  return { h, w, counts: acc };
}

function mergeCounts(a: Uint32Array, b: Uint32Array, intersect: boolean): Uint32Array {
  const out: number[] = [];
  let ca = a[0];
  let cb = b[0];
  let ia = 1;
  let ib = 1;
  let va = false;
  let vb = false;
  let v = false;
  let cc = 0;
  let remaining = 1;
  while (remaining > 0) {
    const c = ca < cb ? ca : cb;
    cc += c;
    remaining = 0;
    ca -= c;
    if (ca === 0 && ia < a.length) {
      ca = a[ia++];
      va = !va;
    }
    remaining += ca;
    cb -= c;
    if (cb === 0 && ib < b.length) {
      cb = b[ib++];
      vb = !vb;
    }
    remaining += cb;
    const vp: boolean = v;
    v = intersect ? va && vb : va || vb;
    if (v !== vp || remaining === 0) {
      out.push(cc);
      cc = 0;
    }
  }
  return Uint32Array.from(out);
}

/** Foreground pixels shared by two masks of one size. */
export function rleIntersection(a: Rle, b: Rle): number {
  const ac = a.counts;
  const bc = b.counts;
  const na = ac.length;
  const nb = bc.length;
  if (na === 0 || nb === 0) return 0;
  let ca = ac[0];
  let cb = bc[0];
  let ia = 1;
  let ib = 1;
  let inter = 0;
  // ia and ib point one past the current runs, so a run is foreground when that index is even.
  for (;;) {
    const c = ca < cb ? ca : cb;
    if (((ia | ib) & 1) === 0) inter += c;
    ca -= c;
    cb -= c;
    if (ca === 0) {
      if (ia >= na) break;
      ca = ac[ia++];
    }
    if (cb === 0) {
      if (ib >= nb) break;
      cb = bc[ib++];
    }
  }
  return inter;
}
