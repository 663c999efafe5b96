import { rleFromColumnBand } from '../../core/masks/rle.js';
import { rleToCoco } from '../../core/masks/rleString.js';
import type { CocoRle } from '../../core/detect/types.js';

interface Region {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Turns mask probability maps (row-major [N, 1, mh, mw] at the model's input size) into COCO RLE masks at the
 * image's size. Maps the size of the image are thresholded directly; smaller ones (the image was shrunk before it
 * was fed) are sampled bilinearly at each image pixel's centre first, so the mask lands where the object is.
 * Only the band of columns that holds the object is encoded; the empty columns either side join the first and
 * last runs of zeros.
 */
export class MaskEncoder {
  private readonly scratch: Uint8Array;

  constructor(
    private readonly imageWidth: number,
    private readonly imageHeight: number,
    private readonly threshold: number,
  ) {
    this.scratch = new Uint8Array(imageWidth * imageHeight);
  }

  encode(masks: Float32Array, index: number, mh: number, mw: number): CocoRle {
    const { imageWidth: w, imageHeight: h } = this;
    const offset = index * mh * mw;
    const extent = positiveExtent(masks, offset, mh, mw);
    if (!extent) return rleToCoco({ h, w, counts: Uint32Array.of(h * w) });
    const sx = mw / w;
    const sy = mh / h;
    const region = {
      x0: Math.max(0, Math.floor((extent.x0 - 1) / sx)),
      x1: Math.min(w - 1, Math.ceil((extent.x1 + 2) / sx)),
      y0: Math.max(0, Math.floor((extent.y0 - 1) / sy)),
      y1: Math.min(h - 1, Math.ceil((extent.y1 + 2) / sy)),
    };
    const band = this.scratch.subarray(0, (region.x1 - region.x0 + 1) * h);
    band.fill(0);
    if (mh === h && mw === w) this.thresholdInto(band, masks, offset, region);
    else this.resampleInto(band, masks, offset, mh, mw, region);
    return rleToCoco(rleFromColumnBand(band, h, w, region.x0));
  }

  private thresholdInto(band: Uint8Array, masks: Float32Array, offset: number, r: Region): void {
    const { imageWidth: w, imageHeight: h, threshold: t } = this;
    for (let y = r.y0; y <= r.y1; y++) {
      const row = offset + y * w;
      for (let x = r.x0; x <= r.x1; x++) if (masks[row + x] > t) band[(x - r.x0) * h + y] = 1;
    }
  }

  private resampleInto(band: Uint8Array, masks: Float32Array, offset: number, mh: number, mw: number, r: Region): void {
    const { imageWidth: w, imageHeight: h, threshold: t } = this;
    const sx = mw / w;
    const sy = mh / h;
    for (let y = r.y0; y <= r.y1; y++) {
      const v = Math.min(mh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
      const r0 = Math.floor(v);
      const r1 = Math.min(mh - 1, r0 + 1);
      const fy = v - r0;
      for (let x = r.x0; x <= r.x1; x++) {
        const u = Math.min(mw - 1, Math.max(0, (x + 0.5) * sx - 0.5));
        const c0 = Math.floor(u);
        const c1 = Math.min(mw - 1, c0 + 1);
        const fx = u - c0;
        const top = masks[offset + r0 * mw + c0] * (1 - fx) + masks[offset + r0 * mw + c1] * fx;
        const bottom = masks[offset + r1 * mw + c0] * (1 - fx) + masks[offset + r1 * mw + c1] * fx;
        if (top * (1 - fy) + bottom * fy > t) band[(x - r.x0) * h + y] = 1;
      }
    }
  }
}

/** The rows and columns of a map that hold any positive value; null when none does. */
function positiveExtent(masks: Float32Array, offset: number, mh: number, mw: number): Region | null {
  let x0 = mw;
  let x1 = -1;
  let y0 = mh;
  let y1 = -1;
  for (let y = 0; y < mh; y++) {
    const row = offset + y * mw;
    for (let x = 0; x < mw; x++) {
      if (masks[row + x] <= 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, x1, y0, y1 };
}
