import { memo } from 'react';
import { Group, Rect } from 'react-konva';
import type { BoxOutcomes } from '../../../../core/compare/boxOutcomes';
import type { Annotation, ImagePrediction } from '../../../../core/ipc/types';
import { OUTCOME_COLOURS } from '../../../../core/compare/palette';
import { placeLabels, type PlacedLabel } from '../labelPlacement';
import { BoxLabel, boxLabelSize } from './BoxLabel';

interface Props {
  predictions: ImagePrediction[];
  groundTruth: Annotation[];
  outcomes: BoxOutcomes;
  scale: number;
  imageWidth: number;
  /** Where the ground truth's tags sit: the outcome labels keep clear of them. */
  gtTags: readonly PlacedLabel[];
  /** 'IoU' for boxes, 'mask IoU' when the outcomes are by mask. */
  iouName: string;
  /** Per false positive, what kind of error TIDE calls it (Loc, Bkg, …), shown in its label. */
  errorTypes: ReadonlyMap<number, string>;
  /** With a kind of case chosen, only its boxes: these ground truths (missed, or the hits on them) and these detections. */
  only: { gtIds: ReadonlySet<number>; detectionIds: ReadonlySet<number> } | null;
}

/**
 * One model's predictions coloured by what they are against the ground truth (TP blue, FP red, ignored grey),
 * each labelled with its score and its IoU with the best ground truth; missed ground truths get an orange frame.
 * A group in the stage's picture layer, under the ground truth.
 */
export const OutcomeLayer = memo(function OutcomeLayer({ predictions, groundTruth, outcomes, scale, imageWidth, gtTags, iouName, errorTypes, only }: Props) {
  const s = 1 / scale;
  // Best score first: the best keep their labels when labels would collide.
  const kept = (p: ImagePrediction) => {
    const mark = outcomes.predictions.get(p.id);
    if (!mark) return false;
    return !only || only.detectionIds.has(p.id) || (mark.outcome === 'tp' && mark.gtId !== null && only.gtIds.has(mark.gtId));
  };
  const shown = predictions.filter(kept).sort((a, b) => b.score - a.score);
  const texts = shown.map((p) => {
    const mark = outcomes.predictions.get(p.id)!;
    const error = mark.outcome === 'fp' ? errorTypes.get(p.id) : undefined;
    return `${mark.outcome.toUpperCase()} ${p.score.toFixed(2)} · ${iouName} ${mark.iou.toFixed(2)}${error ? ` · ${error}` : ''}`;
  });
  const spots = placeLabels(
    shown.map((p, i) => ({ box: p.bbox, ...boxLabelSize(texts[i], scale) })),
    gtTags,
    imageWidth,
  );
  return (
    <Group listening={false}>
      {groundTruth
        .filter((g) => outcomes.missed.has(g.id) && (!only || only.gtIds.has(g.id)))
        .map((g) => (
          <Rect
            key={`fn-${g.id}`}
            name="fn-box"
            x={g.bbox[0] - 3 * s}
            y={g.bbox[1] - 3 * s}
            width={g.bbox[2] + 6 * s}
            height={g.bbox[3] + 6 * s}
            stroke={OUTCOME_COLOURS.fn}
            strokeWidth={2.5 * s}
            dash={[6 * s, 4 * s]}
            perfectDrawEnabled={false}
          />
        ))}
      {shown.map((p) => {
        const mark = outcomes.predictions.get(p.id)!;
        return (
          <Rect
            key={p.id}
            name={`prediction-${mark.outcome}`}
            x={p.bbox[0]}
            y={p.bbox[1]}
            width={p.bbox[2]}
            height={p.bbox[3]}
            stroke={OUTCOME_COLOURS[mark.outcome]}
            strokeWidth={2 * s}
            dash={[7 * s, 3 * s]}
            perfectDrawEnabled={false}
          />
        );
      })}
      {shown.map((p, i) => {
        const spot = spots[i];
        const mark = outcomes.predictions.get(p.id)!;
        return spot && <BoxLabel key={`label-${p.id}`} x={spot.x} y={spot.y} below text={texts[i]} colour={OUTCOME_COLOURS[mark.outcome]} scale={scale} />;
      })}
    </Group>
  );
});
