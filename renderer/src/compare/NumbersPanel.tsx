import { useDeferredValue, useMemo, useState } from 'react';
import { categoryMismatch } from '../../../core/compare/categoryOverlap';
import { MODEL_COLOURS } from '../../../core/compare/palette';
import { detectionForEval, groundTruthForEval } from '../../../core/compare/evalInput';
import { CocoEvaluator } from '../../../core/eval/cocoEval';
import { operatingPoint, type OperatingPoint } from '../../../core/eval/curves';
import { LOOSE_IOU_THRS } from '../../../core/eval/params';
import type { Stats } from '../../../core/eval/cocoStats';
import type { Annotation } from '../../../core/ipc/types';
import { averagedCurve } from './averagedCurve';
import type { LiveEvaluationView } from './evaluationStore';
import { isLoose, thresholdIndex } from './iouThresholds';
import { PrChart, type Series } from './PrChart';
import { scoreText, type ScoreThresholds } from './scoreThresholds';
import { StatsTable } from './StatsTable';

interface Props {
  names: [string, string];
  live: LiveEvaluationView;
  imageId: number | null;
  annotations: Annotation[];
  iouThr: number;
  scoreThrs: ScoreThresholds;
}
const COLOURS = MODEL_COLOURS;

/** Both models' COCO numbers for the project or the current image, the counts at the slider, and PR curves. */
export function NumbersPanel({ names, live, imageId, annotations, iouThr, scoreThrs }: Props) {
  const [scope, setScope] = useState<'project' | 'image'>('project');
  const { data, modelIds, view } = live;
  const project = scope === 'project' || imageId === null;

  // The current image alone is evaluated here: one image's boxes are quick to score.
  const imageOnly = useMemo(() => {
    if (project) return null;
    const image = data.images.find((i) => i.id === imageId);
    if (!image) return [];
    return modelIds.map(
      (modelId) =>
        new CocoEvaluator(
          {
            images: [{ id: image.id, width: image.width, height: image.height }],
            categories: data.categories,
            groundTruth: annotations.filter((a) => a.imageId === imageId).map(groundTruthForEval),
            detections: (data.predictions[modelId] ?? []).filter((p) => p.imageId === imageId).map(detectionForEval),
          },
          { iouType: view.iouType },
        ),
    );
  }, [project, view.iouType, modelIds, data, imageId, annotations]);

  const mismatches = useMemo(
    () =>
      modelIds
        .map((modelId, i) => categoryMismatch(data.groundTruth, data.predictions[modelId] ?? [], data.categories, names[i]))
        .filter((m): m is string => m !== null),
    [modelIds, data, names],
  );
  const numbers = useMemo(() => {
    if (!imageOnly) return { stats: view.stats, points: view.points, curves: view.curves };
    // The counts at the slider: below 0.50 they come from the loose thresholds (the 12 stats never do).
    const points = imageOnly.map((ev, m) => {
      const evaluator = isLoose(iouThr) ? ev.withIouThresholds(LOOSE_IOU_THRS) : ev;
      const t = thresholdIndex(evaluator, iouThr);
      return t < 0 ? null : operatingPoint(evaluator.prCurve({ iouThr: evaluator.params.iouThrs[t] }), scoreThrs[m]);
    });
    const curves = {
      recThrs: imageOnly[0]?.params.recThrs ?? [],
      at50: imageOnly.map((ev) => ev.prCurve({ iouThr: 0.5 }).interpolated),
      at75: imageOnly.map((ev) => ev.prCurve({ iouThr: 0.75 }).interpolated),
      averaged: imageOnly.map(averagedCurve),
    };
    return { stats: imageOnly.map((ev) => ev.stats()), points, curves };
  }, [imageOnly, view, iouThr, scoreThrs]);
  const stats: (Stats | null)[] = numbers.stats;
  const points = numbers.points.filter((p): p is OperatingPoint => p !== null);
  // The curves follow the numbers a frame later: a new answer shows its numbers first.
  const shownCurves = useDeferredValue(numbers.curves);
  const curves = useMemo(() => {
    const series = (which: 'at50' | 'at75' | 'averaged'): Series[] =>
      shownCurves[which].map((precision, i) => ({ label: names[i], colour: COLOURS[i], recThrs: shownCurves.recThrs, precision }));
    return { at50: series('at50'), at75: series('at75'), averaged: series('averaged') };
  }, [shownCurves, names]);

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
      {stats.length === 2 && <StatsTable names={names} a={stats[0]} b={stats[1]} />}
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
      {stats.length === 2 && (
        <>
          <PrChart title="PR at IoU 0.50" series={curves.at50} />
          <PrChart title="PR at IoU 0.75" series={curves.at75} />
          <PrChart title="PR averaged over IoU 0.50:0.95" series={curves.averaged} />
        </>
      )}
    </>
  );
}
