import { memo } from 'react';
import { Layer, Rect } from 'react-konva';
import type { Prediction } from '../../../../core/ipc/types';
import { PREDICTION_COLOUR } from '../colours';
import { placeLabels } from '../labelPlacement';
import { BoxLabel, boxLabelSize } from './BoxLabel';

interface Props {
  /** Best score first: the best get their labels when labels would collide. */
  predictions: Prediction[];
  scale: number;
}

/**
 * A model's predictions as dashed boxes with their scores inside a free corner (the ground truth's label sits
 * above its box). Line widths and labels keep their size on screen at every zoom.
 */
export const PredictionLayer = memo(function PredictionLayer({ predictions, scale }: Props) {
  const s = 1 / scale;
  const texts = predictions.map((p) => p.score.toFixed(2));
  const spots = placeLabels(predictions.map((p, i) => ({ box: p.bbox, ...boxLabelSize(texts[i], scale) })));
  return (
    <Layer listening={false} visible={predictions.length > 0}>
      {predictions.map((p) => (
        <Rect
          key={p.id}
          name="prediction-box"
          x={p.bbox[0]}
          y={p.bbox[1]}
          width={p.bbox[2]}
          height={p.bbox[3]}
          stroke={PREDICTION_COLOUR}
          strokeWidth={2 * s}
          dash={[7 * s, 4 * s]}
          shadowColor="#000"
          shadowBlur={2}
          shadowOpacity={0.7}
          perfectDrawEnabled={false}
        />
      ))}
      {predictions.map((p, i) => {
        const spot = spots[i];
        return spot && <BoxLabel key={`score-${p.id}`} x={spot.x} y={spot.y} below text={texts[i]} colour={PREDICTION_COLOUR} scale={scale} />;
      })}
    </Layer>
  );
});
