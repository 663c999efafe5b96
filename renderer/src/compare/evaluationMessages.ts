import type { BoxOutcomes } from '../../../core/compare/boxOutcomes.js';
import type { Stats } from '../../../core/eval/cocoStats.js';
import type { OperatingPoint } from '../../../core/eval/curves.js';
import type { ImageSummary } from '../../../core/eval/imageSummaries.js';
import type { Annotation } from '../../../core/ipc/types.js';
import type { EvaluationDataPart } from './evaluationDataParts.js';
import type { OutcomeCounts } from './imageOrder.js';
import type { ScoreThresholds } from './scoreThresholds.js';

/** What the view shows of the live evaluation: the box or mask IoU, the sliders and the current image. */
export interface EvaluationViewRequest {
  iouType: 'bbox' | 'segm';
  iouThr: number;
  scoreThrs: ScoreThresholds;
  imageId: number | null;
}

/** One image's ground truth as the editor holds it now. */
export interface GroundTruthEdit {
  imageId: number;
  annotations: Annotation[];
}

/**
 * What the evaluation worker is asked: the project's data a part at a time, then the evaluations built from it
 * (`build`), then edits and the view, together (`update`). Each message carries the load it belongs to.
 */
export type EvaluationRequest =
  | { kind: 'part'; load: number; part: EvaluationDataPart }
  | { kind: 'build'; load: number; modelIds: number[]; edits: GroundTruthEdit[]; view: EvaluationViewRequest }
  | { kind: 'update'; load: number; edits: GroundTruthEdit[]; view: EvaluationViewRequest };

/** Each model's PR curves as the Numbers tab draws them: at IoU 0.50, at 0.75 and averaged over 0.50:0.95. */
export interface ViewCurves {
  recThrs: readonly number[];
  at50: Float64Array[];
  at75: Float64Array[];
  averaged: Float64Array[];
}

/** What the view shows, per model (A, B), worked out in the worker. */
export interface EvaluationView {
  /** Whether every model has a mask evaluation (every ground truth and prediction has a mask). */
  segmAvailable: boolean;
  /** The IoU the numbers are of: the one asked for, or bbox where masks are missing. */
  iouType: 'bbox' | 'segm';
  stats: Stats[];
  /** The operating point at the sliders (null when the IoU slider is at no threshold of the evaluation). */
  points: (OperatingPoint | null)[];
  curves: ViewCurves;
  /** The current image's boxes, each TP, FP or missed at the sliders; null for an image not evaluated. */
  current: { imageId: number; outcomes: (BoxOutcomes | null)[] } | null;
}

/**
 * The worker's answer to `build` or `update`. The per-image counts and summaries come whole after a build (or, for
 * the counts, when the sliders move) and otherwise only for the images edited, to be patched into the last ones.
 */
export type EvaluationReply =
  | ({ load: number; error?: undefined } & EvaluationAnswer)
  /** Ahead of an answer with whole counts or summaries, some of them: no one message takes the UI thread long to read. */
  | { load: number; error?: undefined; part: Pick<EvaluationAnswer, 'counts' | 'summaries'> }
  | { load: number; error: string };

export interface EvaluationAnswer {
  view: EvaluationView;
  counts: { whole: boolean; entries: [number, OutcomeCounts[]][] };
  /** Per model, the bbox summaries of the images (all of them when `whole`). */
  summaries: { whole: boolean; entries: ImageSummary[][] };
}
