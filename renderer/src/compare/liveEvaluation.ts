import { boxOutcomes, type BoxOutcomes } from '../../../core/compare/boxOutcomes.js';
import { evalInputFor, groundTruthForEval } from '../../../core/compare/evalInput.js';
import { CocoEvaluator } from '../../../core/eval/cocoEval.js';
import { operatingPoint } from '../../../core/eval/curves.js';
import type { ImageSummary } from '../../../core/eval/imageSummaries.js';
import type { EvaluationData } from '../../../core/ipc/types.js';
import { averagedCurve } from './averagedCurve.js';
import { joinEvaluationData, type EvaluationDataPart } from './evaluationDataParts.js';
import type { EvaluationAnswer, EvaluationView, EvaluationViewRequest, GroundTruthEdit, ViewCurves } from './evaluationMessages.js';
import type { OutcomeCounts } from './imageOrder.js';
import { atThreshold } from './iouThresholds.js';
import type { ModelEvaluation } from './modelEvaluation.js';

function hasMasks(data: EvaluationData, modelId: number): boolean {
  const predictions = data.predictions[modelId] ?? [];
  return data.groundTruth.every((a) => a.mask) && predictions.every((p) => p.mask) && predictions.length > 0;
}

/** TP, FP and FN of one image's outcomes. */
function countsOf(o: BoxOutcomes): OutcomeCounts {
  let tp = 0;
  let fp = 0;
  for (const m of o.predictions.values()) {
    if (m.outcome === 'tp') tp++;
    else if (m.outcome === 'fp') fp++;
  }
  return { tp, fp, fn: o.missed.size };
}

/**
 * The compare view's live evaluation of its models over the whole project, where it is kept (the evaluation
 * worker): built once from the data sent in parts, then each edited image alone evaluated again in place. Each
 * update answers with what the view shows, and with the per-image counts and summaries whole only when they all
 * changed.
 */
export class LiveEvaluation {
  private parts: EvaluationDataPart[] = [];
  private data: EvaluationData | null = null;
  private evaluations: ModelEvaluation[] = [];
  /** The sliders the per-image counts were last worked out at; null after a build. */
  private counted: string | null = null;
  /** Whether the per-image summaries went whole since the last build. */
  private summariesSent = false;

  addPart(part: EvaluationDataPart): void {
    this.parts.push(part);
  }

  /** Builds the evaluations from the parts received, applies the edits made meanwhile, and answers with everything whole. */
  build(modelIds: number[], edits: readonly GroundTruthEdit[], view: EvaluationViewRequest): EvaluationAnswer {
    const data = joinEvaluationData(this.parts);
    this.parts = [];
    this.data = data;
    this.evaluations = modelIds.map((modelId) => {
      const input = evalInputFor(data, modelId);
      return {
        modelId,
        bbox: new CocoEvaluator(input, { iouType: 'bbox' }),
        segm: hasMasks(data, modelId) ? new CocoEvaluator(input, { iouType: 'segm' }) : null,
        loose: { bbox: null, segm: null },
      };
    });
    this.counted = null;
    this.summariesSent = false;
    return this.update(edits, view);
  }

  /** Applies the edits (each image's ground truth replaced), and answers for the view. */
  update(edits: readonly GroundTruthEdit[], view: EvaluationViewRequest): EvaluationAnswer {
    const known = new Set(this.data?.images.map((i) => i.id));
    const edited = edits.filter((e) => known.has(e.imageId)).map((e) => e.imageId);
    for (const edit of edits) if (known.has(edit.imageId)) this.setGroundTruth(edit);
    const sliders = `${view.iouThr}:${view.scoreThrs.join(',')}`;
    const whole = this.counted !== sliders;
    const countIds = whole ? [...known] : edited;
    this.counted = sliders;
    const wholeSummaries = !this.summariesSent;
    this.summariesSent = true;
    return {
      view: this.view(view, known),
      counts: { whole, entries: countIds.map((id) => [id, this.countsAt(id, view)]) },
      summaries: {
        whole: wholeSummaries,
        entries: this.evaluations.map((e): ImageSummary[] => (wholeSummaries ? e.bbox.imageSummaries() : edited.map((id) => e.bbox.imageSummary(id)))),
      },
    };
  }

  private setGroundTruth({ imageId, annotations }: GroundTruthEdit): void {
    const gts = annotations.map(groundTruthForEval);
    const withMasks = annotations.every((a) => a.mask);
    for (const e of this.evaluations) {
      e.bbox.setGroundTruth(imageId, gts);
      e.loose.bbox?.setGroundTruth(imageId, gts);
      // A box drawn without a mask cannot be scored by mask IoU: segm is dropped rather than left stale.
      if (e.segm && withMasks) {
        e.segm.setGroundTruth(imageId, gts);
        e.loose.segm?.setGroundTruth(imageId, gts);
      } else {
        e.segm = null;
        e.loose.segm = null;
      }
    }
  }

  /** Each model's TP / FP / FN on one image at the sliders, as the panes count them (bbox). */
  private countsAt(imageId: number, { iouThr, scoreThrs }: EvaluationViewRequest): OutcomeCounts[] {
    return this.evaluations.flatMap((e, m) => {
      const at = atThreshold(e, 'bbox', iouThr);
      return at ? [countsOf(boxOutcomes(at.evaluator.imageResult(imageId), at.t, scoreThrs[m]))] : [];
    });
  }

  private view({ iouType, iouThr, scoreThrs, imageId }: EvaluationViewRequest, known: ReadonlySet<number>): EvaluationView {
    const segmAvailable = this.evaluations.length > 0 && this.evaluations.every((e) => e.segm);
    const type = segmAvailable ? iouType : 'bbox';
    const scoped = this.evaluations.map((e) => (type === 'segm' && e.segm ? e.segm : e.bbox));
    const curves: ViewCurves = {
      recThrs: scoped[0]?.params.recThrs ?? [],
      at50: scoped.map((ev) => ev.prCurve({ iouThr: 0.5 }).interpolated),
      at75: scoped.map((ev) => ev.prCurve({ iouThr: 0.75 }).interpolated),
      averaged: scoped.map(averagedCurve),
    };
    const at = this.evaluations.map((e) => atThreshold(e, type, iouThr));
    return {
      segmAvailable,
      iouType: type,
      stats: scoped.map((ev) => ev.stats()),
      // Below 0.50 the counts at the slider come from the loose evaluation (the 12 stats never do).
      points: at.map((a, m) => (a ? operatingPoint(a.evaluator.prCurve({ iouThr: a.iouThr }), scoreThrs[m]) : null)),
      curves,
      current:
        imageId !== null && known.has(imageId)
          ? { imageId, outcomes: at.map((a, m) => (a ? boxOutcomes(a.evaluator.imageResult(imageId), a.t, scoreThrs[m]) : null)) }
          : null,
    };
  }
}
