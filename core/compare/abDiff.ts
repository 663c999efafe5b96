import type { ImageId } from '../eval/types.js';
import { boxOutcomes } from './boxOutcomes.js';
import { pairBoxes } from './boxPairing.js';
import type { PairedImage } from './pairedImages.js';

/** Who found a ground-truth person. */
export type InstanceKind = 'both' | 'aOnly' | 'bOnly' | 'neither';
/** Whose false alarm it is: one model's alone, or both models' on the same spot. */
export type FalseAlarmKind = 'aOnly' | 'bOnly' | 'shared';

export interface InstanceCase {
  readonly imageId: ImageId;
  readonly kind: InstanceKind;
  readonly gtId: number;
}

export interface FalseAlarmCase {
  readonly imageId: ImageId;
  readonly kind: FalseAlarmKind;
  /** A's detection (null for B's alone). */
  readonly aDetectionId: number | null;
  /** B's detection (null for A's alone). */
  readonly bDetectionId: number | null;
}

export interface AbDiff {
  readonly instances: Record<InstanceKind, number>;
  readonly falseAlarms: Record<FalseAlarmKind, number>;
  /** Every counted person and false alarm, in evaluation order of their images, to step through and filter. */
  readonly instanceCases: readonly InstanceCase[];
  readonly falseAlarmCases: readonly FalseAlarmCase[];
}

export interface AbDiffOptions {
  /** The evaluation's IoU thresholds, of which `iouThr` must be one. */
  readonly iouThrs: readonly number[];
  readonly iouThr: number;
  /** Only detections scored at least this count: one threshold for both models, or A's and B's own. */
  readonly scoreThreshold: number | readonly [number, number];
}

/**
 * Person by person, what model A does that B does not, at one IoU threshold and one score threshold.
 *
 * Matching is the evaluation's own (pycocotools' greedy matching, area 'all', the largest maxDets) read
 * through {@link boxOutcomes}, keeping the detections scored at least the threshold. Every ground truth that
 * counts (not crowd, of an evaluated category) is found by both models, by one, or by neither. A false alarm
 * is a kept detection whose outcome is a false positive (one matched to a crowd region is ignored, not a false
 * alarm). A's and B's false alarms on one image are "shared" when {@link pairBoxes} pairs them: same category,
 * box IoU at least `iouThr`, paired greedily best A score first; the rest are one model's alone.
 */
export function abDiff(images: readonly PairedImage[], options: AbDiffOptions): AbDiff {
  const t = options.iouThrs.findIndex((v) => Math.abs(v - options.iouThr) < 1e-9);
  if (t < 0) throw new Error(`IoU threshold ${options.iouThr} is not one of the evaluation's (${options.iouThrs.join(', ')})`);
  const instances: Record<InstanceKind, number> = { both: 0, aOnly: 0, bOnly: 0, neither: 0 };
  const falseAlarms: Record<FalseAlarmKind, number> = { aOnly: 0, bOnly: 0, shared: 0 };
  const instanceCases: InstanceCase[] = [];
  const falseAlarmCases: FalseAlarmCase[] = [];
  const [scoreA, scoreB] = typeof options.scoreThreshold === 'number' ? [options.scoreThreshold, options.scoreThreshold] : options.scoreThreshold;

  for (const image of images) {
    const a = boxOutcomes(image.a.result, t, scoreA);
    const b = boxOutcomes(image.b.result, t, scoreB);
    for (const g of image.a.result.groundTruths) {
      const byA = a.found.has(g.id);
      const byB = b.found.has(g.id);
      if (!byA && !a.missed.has(g.id)) continue;
      const kind: InstanceKind = byA ? (byB ? 'both' : 'aOnly') : byB ? 'bOnly' : 'neither';
      instances[kind]++;
      instanceCases.push({ imageId: image.imageId, kind, gtId: g.id });
    }

    const aAlarms = image.a.detections.filter((d) => a.predictions.get(d.id)?.outcome === 'fp');
    const bAlarms = image.b.detections.filter((d) => b.predictions.get(d.id)?.outcome === 'fp');
    const pairs = pairBoxes(aAlarms, bAlarms, options.iouThr);
    const pairedA = new Set(pairs.map((p) => p.a));
    const pairedB = new Set(pairs.map((p) => p.b));
    const add = (kind: FalseAlarmKind, aDetectionId: number | null, bDetectionId: number | null) => {
      falseAlarms[kind]++;
      falseAlarmCases.push({ imageId: image.imageId, kind, aDetectionId, bDetectionId });
    };
    for (const p of pairs) add('shared', aAlarms[p.a].id, bAlarms[p.b].id);
    aAlarms.forEach((d, i) => pairedA.has(i) || add('aOnly', d.id, null));
    bAlarms.forEach((d, j) => pairedB.has(j) || add('bOnly', null, d.id));
  }
  return { instances, falseAlarms, instanceCases, falseAlarmCases };
}
