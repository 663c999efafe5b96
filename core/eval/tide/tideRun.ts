import type { Detection, EvalImage, GroundTruth } from '../types.js';
import { TideApData, type TideApPoint } from './tideApData.js';
import { classifyDetection, matchImage, type TideDetectionError, type TideMode } from './tideImage.js';
import { groupByImage } from '../groupByImage.js';

/** A main error type: a false positive's, or a ground truth missed outright. */
export type TideMainError = TideDetectionError | 'miss';

/** What a detection counts as. */
export type TideDetectionStatus = 'truePositive' | 'falsePositive' | 'ignored' | 'unevaluated';

/** One detection's part in the breakdown. */
export interface TideDetectionOutcome {
  readonly detectionId: number;
  /**
   * `ignored`: in a crowd region, out of the AP, yet still given an error type (tidecv types it like a false
   * positive; fixing it can even add it as a true positive). `unevaluated`: beyond the detection limit of its image,
   * or on an image outside the list.
   */
  readonly status: TideDetectionStatus;
  /** The error type of a false positive or ignored detection, else null. */
  readonly error: TideDetectionError | null;
  /** The matched ground truth (true positive), the one blamed (`cls`, `loc`), or the one already taken (`dupe`). */
  readonly groundTruthId: number | null;
  /** For `dupe`: the detection that holds that ground truth. */
  readonly duplicateOf: number | null;
  /** Highest IoU with a ground truth of its own category (0 when there is none). */
  readonly iou: number;
}

/** An AP data point in its category, keyed by its detection id. */
export interface TideApEntry {
  readonly categoryId: number;
  readonly id: number;
  readonly point: TideApPoint;
}

/** One error with its data point as it stands and as fixing it leaves it. */
export interface TideErrorRecord {
  readonly type: TideMainError;
  /** The false positive as the AP holds it; null for ignored detections and missed ground truth. */
  readonly original: TideApEntry | null;
  /** The fixed data point (a true positive), or `gtRemoved` (a missed ground truth taken off), or null (dropped). */
  readonly fixed: TideApEntry | { readonly gtRemoved: number } | null;
}

/** Everything one tidecv run keeps: the AP data, the errors in order, and what each detection became. */
export interface TideRun {
  readonly apData: TideApData;
  readonly errors: readonly TideErrorRecord[];
  /** Unmatched ground truth per category (fixed away for the FalseNeg error). */
  readonly falseNegatives: ReadonlyMap<number, number>;
  readonly detections: readonly TideDetectionOutcome[];
  readonly missedGroundTruthIds: readonly number[];
}

export interface TideRunInput {
  readonly images: readonly EvalImage[];
  readonly groundTruth: readonly GroundTruth[];
  readonly detections: readonly Detection[];
}

export interface TideRunSettings {
  readonly mode: TideMode;
  readonly posThreshold: number;
  readonly backgroundThreshold: number;
  readonly maxDetections: number;
}

/** A ground truth blamed by `cls`/`loc` errors becomes a true positive once, for its highest-scoring one. */
interface Claim {
  bestScore: number;
  bestId: number;
}

/** Runs tidecv's evaluation (TIDERun) over the images in their order. */
export function runTide(input: TideRunInput, s: TideRunSettings): TideRun {
  const apData = new TideApData();
  const gtByImage = groupByImage(input.groundTruth);
  const dtByImage = groupByImage(input.detections);
  const outcomes = new Map<number, TideDetectionOutcome>();
  const falseNegatives = new Map<number, number>();
  const missedGroundTruthIds: number[] = [];
  const pending: { type: TideMainError; original: TideApEntry | null; fix: () => TideErrorRecord['fixed'] }[] = [];
  const claims = new Map<GroundTruth, Claim>();

  const miss = (g: GroundTruth) => {
    falseNegatives.set(g.categoryId, (falseNegatives.get(g.categoryId) ?? 0) + 1);
  };

  for (const image of input.images) {
    const gts = gtByImage.get(image.id) ?? [];
    const dts = dtByImage.get(image.id) ?? [];
    for (const g of gts) if (!g.iscrowd) apData.addGtPositives(g.categoryId, 1);
    if (dts.length === 0) {
      for (const g of gts) {
        if (g.iscrowd) continue;
        miss(g);
        missedGroundTruthIds.push(g.id);
        pending.push({ type: 'miss', original: null, fix: () => ({ gtRemoved: g.categoryId }) });
      }
      continue;
    }
    const m = matchImage(image, dts, gts, s.mode, s.posThreshold, s.maxDetections);
    const ng = m.groundTruth.length;
    m.detections.forEach((det, d) => {
      let iou = 0;
      for (let g = 0; g < ng; g++) if (m.groundTruth[g].categoryId === det.categoryId) iou = Math.max(iou, m.iou[d * ng + g]);
      const used = m.used[d];
      const entry: TideApEntry = { categoryId: det.categoryId, id: det.id, point: { score: det.score, correct: used === true } };
      if (used !== null) apData.push(det.categoryId, det.id, entry.point);
      if (used === true) {
        const gtId = m.groundTruth[m.matchedGt[d]].id;
        outcomes.set(det.id, { detectionId: det.id, status: 'truePositive', error: null, groundTruthId: gtId, duplicateOf: null, iou });
        return;
      }
      const { error, gt } = classifyDetection(m, d, s.posThreshold, s.backgroundThreshold);
      const blamed = gt >= 0 ? m.groundTruth[gt] : null;
      const holder = error === 'dupe' && blamed ? m.detections[m.matchedDetection[gt]].id : null;
      outcomes.set(det.id, {
        detectionId: det.id,
        status: used === null ? 'ignored' : 'falsePositive',
        error,
        groundTruthId: blamed?.id ?? null,
        duplicateOf: holder,
        iou,
      });
      const original = used === null ? null : entry;
      if ((error === 'cls' || error === 'loc') && blamed && m.matchedDetection[gt] === -1) {
        let claim = claims.get(blamed);
        if (!claim) claims.set(blamed, (claim = { bestScore: -1, bestId: -1 }));
        if (claim.bestScore < det.score) {
          claim.bestScore = det.score;
          claim.bestId = det.id;
        }
        const finalClaim = claim;
        const fixed: TideApEntry = { categoryId: blamed.categoryId, id: det.id, point: { score: det.score, correct: true } };
        pending.push({ type: error, original, fix: () => (finalClaim.bestId === det.id ? fixed : null) });
      } else {
        pending.push({ type: error, original, fix: () => null });
      }
    });
    m.groundTruth.forEach((g, gi) => {
      if (m.matchedDetection[gi] !== -1) return;
      miss(g);
      if (claims.has(g)) return;
      missedGroundTruthIds.push(g.id);
      pending.push({ type: 'miss', original: null, fix: () => ({ gtRemoved: g.categoryId }) });
    });
  }

  for (const det of input.detections) {
    if (!outcomes.has(det.id)) {
      outcomes.set(det.id, { detectionId: det.id, status: 'unevaluated', error: null, groundTruthId: null, duplicateOf: null, iou: 0 });
    }
  }
  const errors = pending.map((p) => ({ type: p.type, original: p.original, fixed: p.fix() }));
  const detections = input.detections.map((det) => outcomes.get(det.id)!);
  return { apData, errors, falseNegatives, detections, missedGroundTruthIds };
}
