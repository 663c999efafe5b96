import { accumulateCategory, emptyResults, toCocoLayout, Walk, type Accumulation, type CategoryMajor } from './accumulate.js';
import { CategoryLists, sameCell } from './categoryList.js';
import { prCurve, type CurveOptions, type PrCurve } from './curves.js';
import { imageResult, type ImageResult } from './imageResult.js';
import { categoryResults, imageSummaries, imageSummary, type CategoryResult, type ImageSummary } from './imageSummaries.js';
import type { EvalContext } from './evalContext.js';
import type { EvaluatorState } from './evaluatorState.js';
import { createContext, evaluateImage, prepareImage, type ImageData, type ImageEval } from './imageEval.js';
import { resolveParams, type EvalParams, type ParamsInput } from './params.js';
import { Slab } from './slab.js';
import { computeStats, summaryText, type Stats } from './cocoStats.js';
import { compareImageIds, type Detection, type EvalCategory, type EvalImage, type GroundTruth, type ImageId } from './types.js';

export interface EvalInput {
  readonly images: readonly EvalImage[];
  readonly categories: readonly EvalCategory[];
  readonly groundTruth: readonly GroundTruth[];
  readonly detections: readonly Detection[];
}

/**
 * COCOeval for `bbox` and `segm`, with pycocotools' semantics, that keeps each image's matching so that
 * replacing one image's ground truth or detections re-evaluates that image alone and re-accumulates only
 * the categories whose results changed.
 *
 *     const ev = new CocoEvaluator({ images, categories, groundTruth, detections }, { iouType: 'bbox' });
 *     ev.stats();                       // the 12 numbers; ev.summary() prints them like pycocotools
 *     ev.imageResult(imageId);          // per detection / ground truth: TP, FP, FN, ignored, matches, IoUs
 *     operatingPoint(ev.prCurve({ iouThr: 0.5 }), 0.3);   // P, R, F1 at score >= 0.3
 *     ev.setGroundTruth(imageId, edited); ev.stats();     // incremental
 */
export class CocoEvaluator {
  readonly params: EvalParams;
  private readonly ctx: EvalContext;
  private readonly images: EvalImage[];
  private readonly position = new Map<ImageId, number>();
  private readonly catIds: number[];
  private readonly data: ImageData[] = [];
  private readonly evals: ImageEval[] = [];
  private readonly lists: CategoryLists;
  private readonly walk: Walk;
  private readonly res: CategoryMajor;
  private readonly dirty = new Set<number>();
  private cachedStats: Stats | null = null;
  private cachedArrays: Accumulation | null = null;

  constructor(input: EvalInput, params: ParamsInput = { iouType: 'bbox' }) {
    this.params = resolveParams(params);
    const known = new Set<ImageId>();
    for (const img of input.images) {
      if (known.has(img.id)) throw new Error(`image ${JSON.stringify(img.id)} is listed twice`);
      known.add(img.id);
    }
    if (this.params.imgIds) {
      for (const id of this.params.imgIds) {
        if (!known.has(id)) throw new Error(`params.imgIds: image ${JSON.stringify(id)} is not among the images`);
      }
    }
    const wanted = this.params.imgIds ? new Set(this.params.imgIds) : known;
    this.images = input.images.filter((img) => wanted.has(img.id)).sort((a, b) => compareImageIds(a.id, b.id));
    this.images.forEach((img, i) => this.position.set(img.id, i));
    this.catIds = this.params.catIds ? [...this.params.catIds] : [...new Set(input.categories.map((c) => c.id))].sort((a, b) => a - b);
    this.ctx = createContext(this.params, this.catIds);

    const gtByImage = groupByImage(input.groundTruth, known, 'ground truth');
    const dtByImage = groupByImage(input.detections, known, 'detection');
    const slab = new Slab();
    for (const img of this.images) {
      const d = prepareImage(this.ctx, img, gtByImage.get(img.id) ?? [], dtByImage.get(img.id) ?? [], slab);
      this.data.push(d);
      this.evals.push(evaluateImage(this.ctx, d, false, slab));
    }
    const K = this.params.useCats ? this.catIds.length : 1;
    this.lists = new CategoryLists(this.evals, K, this.ctx.A, this.params.maxDets);
    this.walk = new Walk(this.ctx.T, this.ctx.A, this.params.maxDets.length);
    this.res = emptyResults({
      T: this.ctx.T,
      R: this.params.recThrs.length,
      K,
      A: this.ctx.A,
      M: this.params.maxDets.length,
    });
    for (let k = 0; k < K; k++) this.dirty.add(k);
  }

  /** Evaluated image ids in evaluation order. */
  get imageIds(): ImageId[] {
    return this.images.map((img) => img.id);
  }

  /** Evaluated category ids, ascending. */
  get categoryIds(): number[] {
    return [...this.catIds];
  }

  /**
   * A new evaluator of the same images, categories, ground truth and detections as they are now (edits included),
   * with the same params but other IoU thresholds.
   */
  withIouThresholds(iouThrs: readonly number[]): CocoEvaluator {
    const input: EvalInput = {
      images: this.images,
      categories: this.catIds.map((id) => ({ id })),
      groundTruth: this.data.flatMap((d) => d.gts),
      detections: this.data.flatMap((d) => d.dts),
    };
    return new CocoEvaluator(input, { ...this.params, iouThrs });
  }

  /** Replaces one image's ground truth and re-evaluates that image. */
  setGroundTruth(imageId: ImageId, groundTruth: readonly GroundTruth[]): void {
    this.replace(imageId, groundTruth, null);
  }

  /** Replaces one image's detections (in their input order) and re-evaluates that image. */
  setDetections(imageId: ImageId, detections: readonly Detection[]): void {
    this.replace(imageId, null, detections);
  }

  private replace(imageId: ImageId, gts: readonly GroundTruth[] | null, dts: readonly Detection[] | null): void {
    const i = this.indexOf(imageId);
    for (const ann of [...(gts ?? []), ...(dts ?? [])]) {
      if (ann.imageId !== imageId) {
        throw new Error(`annotation id ${ann.id} belongs to image ${JSON.stringify(ann.imageId)}, not ${JSON.stringify(imageId)}`);
      }
    }
    const old = this.data[i];
    const fresh = prepareImage(this.ctx, old.image, gts ?? [], dts ?? []);
    const next: ImageData = {
      image: old.image,
      gts: gts ?? old.gts,
      dts: dts ?? old.dts,
      gtGeom: gts ? fresh.gtGeom : old.gtGeom,
      dtGeom: dts ? fresh.dtGeom : old.dtGeom,
    };
    const before = this.evals[i];
    const after = evaluateImage(this.ctx, next);
    this.data[i] = next;
    this.evals[i] = after;
    const touched = new Set([...before.cellCat, ...after.cellCat]);
    for (const k of touched) {
      if (sameCell(before, after, k, this.ctx.A)) continue;
      this.lists.replaceImage(k, i, before, after);
      this.dirty.add(k);
    }
  }

  /** Brings the categories touched by updates up to date. */
  private refresh(): CategoryMajor {
    if (this.dirty.size === 0) return this.res;
    for (const k of this.dirty) accumulateCategory(this.res, k, this.lists.lists[k], this.walk, this.params.recThrs);
    this.dirty.clear();
    this.cachedStats = null;
    this.cachedArrays = null;
    return this.res;
  }

  /** pycocotools' `eval` arrays (precision, recall, scores) in its layout: a copy, made when asked for. */
  accumulate(): Accumulation {
    const res = this.refresh();
    this.cachedArrays ??= toCocoLayout(res);
    return this.cachedArrays;
  }

  /** The 12 COCO stats (AP, AP50, AP75, AP S/M/L, AR@1, AR@10, AR@100, AR S/M/L). */
  stats(): Stats {
    const res = this.refresh();
    this.cachedStats ??= computeStats(res, this.params);
    return this.cachedStats;
  }

  /** The summary exactly as pycocotools prints it (12 lines). */
  summary(): string {
    return summaryText(this.stats(), this.params);
  }

  /** Every detection's and ground truth's outcome in one image, for area range `areaIndex` (0 = all). */
  imageResult(imageId: ImageId, areaIndex = 0): ImageResult {
    const i = this.indexOf(imageId);
    return imageResult(this.ctx, this.data[i], evaluateImage(this.ctx, this.data[i], true), areaIndex);
  }

  /** AP and counts of every evaluated image, for ranking images. */
  imageSummaries(): ImageSummary[] {
    return imageSummaries(this.state());
  }

  /** The summary of one image, as its entry of {@link imageSummaries}, without summarising the others. */
  imageSummary(imageId: ImageId): ImageSummary {
    return imageSummary(this.state(), this.indexOf(imageId));
  }

  /** AP, AP50, AP75 and AR per evaluated category (one pooled entry when useCats is false). */
  categoryResults(): CategoryResult[] {
    return categoryResults(this.state());
  }

  /** Raw and interpolated precision/recall of one IoU threshold (see {@link prCurve}). */
  prCurve(options: CurveOptions = {}): PrCurve {
    return prCurve(this.state(), options);
  }

  /** One curve per IoU threshold. */
  prCurves(options: Omit<CurveOptions, 'iouThr'> = {}): PrCurve[] {
    return this.params.iouThrs.map((iouThr) => this.prCurve({ ...options, iouThr }));
  }

  private state(): EvaluatorState {
    const res = this.refresh();
    return { ctx: this.ctx, images: this.images, data: this.data, evals: this.evals, lists: this.lists.lists, catIds: this.catIds, res };
  }

  private indexOf(imageId: ImageId): number {
    const i = this.position.get(imageId);
    if (i === undefined) throw new Error(`image ${JSON.stringify(imageId)} is not evaluated`);
    return i;
  }
}

function groupByImage<T extends GroundTruth | Detection>(anns: readonly T[], known: ReadonlySet<ImageId>, kind: string): Map<ImageId, T[]> {
  const out = new Map<ImageId, T[]>();
  for (const ann of anns) {
    if (!known.has(ann.imageId)) throw new Error(`${kind} id ${ann.id}: image ${JSON.stringify(ann.imageId)} is not among the images`);
    let list = out.get(ann.imageId);
    if (!list) out.set(ann.imageId, (list = []));
    list.push(ann);
  }
  return out;
}
