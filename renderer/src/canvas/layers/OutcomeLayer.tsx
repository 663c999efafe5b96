import { memo } from 'react';
import { Group, Rect } from 'react-konva';
import type { BoxOutcomes } from '../../../../core/compare/boxOutcomes';
import type { Annotation, ImagePrediction } from '../../../../core/ipc/types';
import { BoxLabel } from './BoxLabel';

export const OUTCOME_COLOURS = { tp: '#3d9bff', fp: '#ff4d4f', fn: '#ff9f1a', ignored: '#9aa3b5' } as const;

interface Props {
  predictions: ImagePrediction[];
  groundTruth: Annotation[];
  outcomes: BoxOutcomes;
  scale: number;
  imageWidth: number;
}

/**
 * One model's predictions coloured by what they are against the ground truth (TP blue, FP red, ignored grey),
 * each labelled with its score and its IoU with the best ground truth; missed ground truths get an orange frame.
 * A group in the stage's picture layer, under the ground truth.
 */
export const OutcomeLayer = memo(function OutcomeLayer({ predictions, groundTruth, outcomes, scale, imageWidth }: Props) {
  const s = 1 / scale;
  const shown = predictions.filter((p) => outcomes.predictions.has(p.id));
  return (
    <Group listening={false}>
      {groundTruth
        .filter((g) => outcomes.missed.has(g.id))
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
      {shown.map((p) => {
        const mark = outcomes.predictions.get(p.id)!;
        const bottom = p.bbox[1] + p.bbox[3];
        return (
          <BoxLabel
            key={`label-${p.id}`}
            x={p.bbox[0]}
            y={bottom}
            below
            text={`${mark.outcome.toUpperCase()} ${p.score.toFixed(2)} · IoU ${mark.iou.toFixed(2)}`}
            colour={OUTCOME_COLOURS[mark.outcome]}
            scale={scale}
            maxX={imageWidth}
          />
        );
      })}
    </Group>
  );
});
