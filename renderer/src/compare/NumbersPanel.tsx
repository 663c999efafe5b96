import { useMemo, useState } from 'react';
import { categoryMismatch } from '../../../core/compare/categoryOverlap';
import { MODEL_COLOURS } from '../../../core/compare/palette';
import { detectionForEval, groundTruthForEval } from '../../../core/compare/evalInput';
import { CocoEvaluator } from '../../../core/eval/cocoEval';
import { operatingPoint, type OperatingPoint } from '../../../core/eval/curves';
import { LOOSE_IOU_THRS } from '../../../core/eval/params';
import type { Stats } from '../../../core/eval/cocoStats';
import type { Annotation, EvaluationData } from '../../../core/ipc/types';
import { atThreshold, isLoose, thresholdIndex } from './iouThresholds';
import { PrChart, type Series } from './PrChart';
import { scoreText, type ScoreThresholds } from './scoreThresholds';
import { StatsTable } from './StatsTable';
import type { ModelEvaluation } from './useEvaluation';

interface Props {
  names: [string, string];
  evaluations: ModelEvaluation[];
  data: EvaluationData;
  imageId: number | null;
  annotations: Annotation[];
  iouThr: number;
  scoreThrs: ScoreThresholds;
  iouType: 'bbox' | 'segm';
}
const COLOURS = MODEL_COLOURS;

/** The average of pycocotools' interpolated curves over every IoU threshold (cells without ground truth left out). */
function averagedCurve(ev: CocoEvaluator): Float64Array {
  const curves = ev.prCurves();
  const out = new Float64Array(curves[0].recThrs.length).fill(-1);
  for (let r = 0; r < out.length; r++) {
    const values = curves.map((c) => c.interpolated[r]).filter((v) => v >= 0);
    if (values.length) out[r] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return out;
}

/** Both models' COCO numbers for the project or the current image, the counts at the slider, and PR curves. */
export function NumbersPanel({ names, evaluations, data, imageId, annotations, iouThr, scoreThrs, iouType: type }: Props) {
  const [scope, setScope] = useState<'project' | 'image'>('project');

  const scoped = useMemo(() => {
    const pick = (e: ModelEvaluation) => (type === 'segm' ? e.segm! : e.bbox);
    if (scope === 'project' || imageId === null) return evaluations.map(pick);
    const image = data.images.find((i) => i.id === imageId);
    if (!image) return [];
    return evaluations.map(
      (e) =>
        new CocoEvaluator(
          {
            images: [{ id: image.id, width: image.width, height: image.height }],
            categories: data.categories,
            groundTruth: annotations.filter((a) => a.imageId === imageId).map(groundTruthForEval),
            detections: (data.predictions[e.modelId] ?? []).filter((p) => p.imageId === imageId).map(detectionForEval),
          },
          { iouType: type },
        ),
    );
  }, [scope, type, evaluations, data, imageId, annotations]);

  const mismatches = useMemo(
    () =>
      evaluations
        .map((e, i) => categoryMismatch(data.groundTruth, data.predictions[e.modelId] ?? [], data.categories, names[i]))
        .filter((m): m is string => m !== null),
    [evaluations, data, names],
  );
  const stats: (Stats | null)[] = scoped.map((ev) => ev.stats());
  // The counts at the slider: below 0.50 they come from the loose evaluation (the 12 stats never do).
  const atSlider = useMemo(() => {
    if (scope === 'project' || imageId === null) return evaluations.map((e) => atThreshold(e, type, iouThr));
    return scoped.map((ev) => {
      const evaluator = isLoose(iouThr) ? ev.withIouThresholds(LOOSE_IOU_THRS) : ev;
      const t = thresholdIndex(evaluator, iouThr);
      return t < 0 ? null : { evaluator, t, iouThr: evaluator.params.iouThrs[t] };
    });
  }, [scope, imageId, evaluations, scoped, type, iouThr]);
  const points: OperatingPoint[] = atSlider.flatMap((at, m) => (at ? [operatingPoint(at.evaluator.prCurve({ iouThr: at.iouThr }), scoreThrs[m])] : []));
  const curves = (iou: number | 'avg'): Series[] =>
    scoped.map((ev, i) => ({
      label: names[i],
      colour: COLOURS[i],
      recThrs: ev.params.recThrs,
      precision: iou === 'avg' ? averagedCurve(ev) : ev.prCurve({ iouThr: iou }).interpolated,
    }));

  return (
    <>
      <div className="segmented">
        <button type="button" aria-pressed={scope === 'project'} onClick={() => setScope('project')}>
          Project
        </button>
        <button type="button" aria-pressed={scope === 'image'} onClick={() => setScope('image')}>
          This image
        </button>
      </div>
      {mismatches.map((m) => (
        <div key={m} className="metrics-warning" role="alert" data-testid="category-mismatch">
          {m}
        </div>
      ))}
      {scoped.length === 2 && <StatsTable names={names} a={stats[0]} b={stats[1]} />}
      <table className="stats-table counts" data-testid="operating-point">
        <caption>
          At IoU {iouThr.toFixed(2)}, {scoreText(scoreThrs)}
        </caption>
        <thead>
          <tr>
            <th />
            <th>P</th>
            <th>R</th>
            <th>F1</th>
            <th>TP</th>
            <th>FP</th>
            <th>FN</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={i} data-model={i === 0 ? 'a' : 'b'}>
              <th scope="row">{i === 0 ? 'A' : 'B'}</th>
              <td>{p.precision.toFixed(3)}</td>
              <td>{p.recall.toFixed(3)}</td>
              <td>{p.f1.toFixed(3)}</td>
              <td data-count="tp">{p.tp}</td>
              <td data-count="fp">{p.fp}</td>
              <td data-count="fn">{p.fn}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {scoped.length === 2 && (
        <>
          <PrChart title="PR at IoU 0.50" series={curves(0.5)} />
          <PrChart title="PR at IoU 0.75" series={curves(0.75)} />
          <PrChart title="PR averaged over IoU 0.50:0.95" series={curves('avg')} />
        </>
      )}
    </>
  );
}
