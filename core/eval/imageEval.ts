import { annotationGeometry, fillIous, type Geometry } from './geometry.js';
import { cellLayout } from './cells.js';
import { CellMatcher } from './matching.js';
import type { EvalContext } from './evalContext.js';
import { freshArrays, type ArrayAllocator } from './slab.js';
import type { EvalParams } from './params.js';
import type { Detection, EvalImage, GroundTruth } from './types.js';

export function createContext(params: EvalParams, catIds: readonly number[]): EvalContext {
  const thresholds = Float64Array.from(params.iouThrs, (t) => Math.min(t, 1 - 1e-10));
  return {
    params,
    T: params.iouThrs.length,
    A: params.areaRng.length,
    catIndex: categoryLookup(catIds),
    thresholds,
    lowestThreshold: Math.min(...thresholds),
    areaLo: Float64Array.from(params.areaRng, (r) => r[0]),
    areaHi: Float64Array.from(params.areaRng, (r) => r[1]),
    maxDet: params.maxDets[params.maxDets.length - 1],
    matcher: new CellMatcher(),
    scratch: { ious: new Float64Array(64), crowd: new Uint8Array(16) },
  };
}

/** A table for small integer ids, a Map otherwise. */
function categoryLookup(catIds: readonly number[]): (id: number) => number {
  const max = catIds.reduce((m, id) => Math.max(m, id), -1);
  if (catIds.every((id) => Number.isInteger(id) && id >= 0) && max < 1 << 20) {
    const table = new Int32Array(max + 1).fill(-1);
    catIds.forEach((id, k) => (table[id] = k));
    return (id) => (Number.isInteger(id) && id >= 0 && id <= max ? table[id] : -1);
  }
  const map = new Map(catIds.map((id, k) => [id, k]));
  return (id) => map.get(id) ?? -1;
}

/** One image's annotations with the geometry IoU needs. */
export interface ImageData {
  readonly image: EvalImage;
  readonly gts: readonly GroundTruth[];
  readonly dts: readonly Detection[];
  readonly gtGeom: Geometry;
  readonly dtGeom: Geometry;
}

export function prepareImage(
  ctx: EvalContext,
  image: EvalImage,
  gts: readonly GroundTruth[],
  dts: readonly Detection[],
  arrays: ArrayAllocator = freshArrays,
): ImageData {
  const iouType = ctx.params.iouType;
  return {
    image,
    gts,
    dts,
    gtGeom: annotationGeometry(iouType, image, gts, 'ground truth', arrays),
    dtGeom: annotationGeometry(iouType, image, dts, 'detection', arrays),
  };
}

/**
 * The outcome of matching one image, cell by cell. A cell is one category of the image (all of them when
 * categories are pooled) holding ground truth or detections. Detections are listed per cell best score
 * first, cut to the largest maxDets. A detection's outcome per area range is two words whose bit t tells
 * whether it is a true positive, or ignored, at threshold t; neither means a false positive.
 */
export interface ImageEval {
  /** Accumulation index of each cell's category (0 when pooled), ascending. */
  readonly cellCat: Int32Array;
  /** Cell c's detections are positions dtStart[c] .. dtStart[c + 1] - 1. */
  readonly dtStart: Int32Array;
  /** Index into the image's detections. */
  readonly dtIndex: Int32Array;
  readonly dtScore: Float64Array;
  /** `[a][d]`: true-positive bits. */
  readonly dtTp: Uint32Array;
  /** `[a][d]`: ignored bits. */
  readonly dtIg: Uint32Array;
  /** `[a][c]`: ground truths that count (not crowd, inside the area range). */
  readonly npig: Int32Array;
}

/** {@link ImageEval} plus what explains it: IoUs and who matched whom. */
export interface ImageMatches extends ImageEval {
  /** Cell c's ground truths are positions gtStart[c] .. gtStart[c + 1] - 1, in input order. */
  readonly gtStart: Int32Array;
  readonly gtIndex: Int32Array;
  /** Cell c's IoUs start at iouStart[c], row-major `[detection][groundTruth]` within the cell. */
  readonly iouStart: Int32Array;
  readonly ious: Float64Array;
  /** `[a][g]`: 1 when the ground truth is ignored for that area range. */
  readonly gtIgnore: Uint8Array;
  /** `[a][t][d]`: index into the image's ground truths, or -1. */
  readonly dtMatch: Int32Array;
  /** `[a][t][g]`: index into the image's detections, or -1. */
  readonly gtMatch: Int32Array;
}

export function evaluateImage(ctx: EvalContext, data: ImageData, withMatches: true): ImageMatches;
export function evaluateImage(ctx: EvalContext, data: ImageData, withMatches?: boolean, arrays?: ArrayAllocator): ImageEval;
export function evaluateImage(ctx: EvalContext, data: ImageData, withMatches = false, arrays: ArrayAllocator = freshArrays): ImageEval | ImageMatches {
  const { T, A, thresholds, areaLo, areaHi, matcher } = ctx;
  const { gts, dts } = data;
  const { cellCat, dtStart, gtStart, iouStart, dtIndex, gtIndex } = cellLayout(ctx, gts, dts, arrays);
  const C = cellCat.length;
  const D = dtIndex.length;
  const G = gtIndex.length;
  const dtScore = arrays.float64(D);
  for (let p = 0; p < D; p++) dtScore[p] = dts[dtIndex[p]].score;
  const dtTp = arrays.uint32(A * D);
  const dtIg = arrays.uint32(A * D);
  const npig = arrays.int32(A * C);
  const gtIgnore = new Uint8Array(A * G);
  const dtMatch = withMatches ? new Int32Array(A * T * D).fill(-1) : null;
  const gtMatch = withMatches ? new Int32Array(A * T * G).fill(-1) : null;
  const ious = withMatches ? new Float64Array(iouStart[C]) : scratchIous(ctx, dtStart, gtStart);
  if (ctx.scratch.crowd.length < G) ctx.scratch.crowd = new Uint8Array(G * 2);
  const crowd = ctx.scratch.crowd;
  for (let g = 0; g < G; g++) crowd[g] = gts[gtIndex[g]].iscrowd ? 1 : 0;
  const all = T === 32 ? 0xffffffff : 2 ** T - 1;
  matcher.ensure(G, D);

  for (let c = 0; c < C; c++) {
    const d0 = dtStart[c];
    const nd = dtStart[c + 1] - d0;
    const g0 = gtStart[c];
    const ng = gtStart[c + 1] - g0;
    const offset = withMatches ? iouStart[c] : 0;
    if (nd > 0 && ng > 0) fillIous(ious, offset, data.dtGeom, dtIndex, d0, nd, data.gtGeom, gtIndex, g0, ng, crowd);
    matcher.findCandidates(ious, offset, nd, ng, ctx.lowestThreshold);
    for (let a = 0; a < A; a++) {
      const lo = areaLo[a];
      const hi = areaHi[a];
      let counted = 0;
      for (let g = 0; g < ng; g++) {
        const gt = gts[gtIndex[g0 + g]];
        const ig = gt.iscrowd || gt.area < lo || gt.area > hi ? 1 : 0;
        gtIgnore[a * G + g0 + g] = ig;
        if (!ig) counted++;
      }
      npig[a * C + c] = counted;
      for (let d = 0; d < nd; d++) {
        const area = dts[dtIndex[d0 + d]].area;
        const outside = area < lo || area > hi ? 1 : 0;
        matcher.outside[d] = outside;
        if (outside) dtIg[a * D + d0 + d] = all;
      }
      if (matcher.candidateCount === 0) continue;
      // Detections that never reach a threshold are settled above; the candidates' bits are set per threshold.
      for (let i = 0; i < matcher.candidateCount; i++) dtIg[a * D + d0 + matcher.candidates[i]] = 0;
      let p = 0;
      for (let g = 0; g < ng; g++) if (!gtIgnore[a * G + g0 + g]) matcher.order[p++] = g;
      for (let g = 0; g < ng; g++) if (gtIgnore[a * G + g0 + g]) matcher.order[p++] = g;
      for (let q = 0; q < ng; q++) {
        const g = matcher.order[q];
        matcher.ig[q] = gtIgnore[a * G + g0 + g];
        matcher.crowd[q] = crowd[g0 + g];
        matcher.idZero[q] = gts[gtIndex[g0 + g]].id === 0 ? 1 : 0;
      }
      for (let t = 0; t < T; t++) {
        matcher.match(ious, offset, ng, thresholds[t], t, dtTp, dtIg, a * D + d0);
        if (!dtMatch || !gtMatch) continue;
        for (let i = 0; i < matcher.candidateCount; i++) {
          const d = matcher.candidates[i];
          const q = matcher.hit[d];
          if (q < 0) continue;
          const g = matcher.order[q];
          dtMatch[(a * T + t) * D + d0 + d] = gtIndex[g0 + g];
          gtMatch[(a * T + t) * G + g0 + g] = dtIndex[d0 + d];
        }
      }
    }
  }

  const result: ImageEval = { cellCat, dtStart, dtIndex, dtScore, dtTp, dtIg, npig };
  if (!withMatches) return result;
  return { ...result, gtStart, gtIndex, iouStart, ious, gtIgnore, dtMatch: dtMatch!, gtMatch: gtMatch! };
}

/** The shared IoU buffer, large enough for the image's largest cell. */
function scratchIous(ctx: EvalContext, dtStart: Int32Array, gtStart: Int32Array): Float64Array {
  let max = 0;
  for (let c = 0; c + 1 < dtStart.length; c++) max = Math.max(max, (dtStart[c + 1] - dtStart[c]) * (gtStart[c + 1] - gtStart[c]));
  if (ctx.scratch.ious.length < max) ctx.scratch.ious = new Float64Array(max * 2);
  return ctx.scratch.ious;
}
