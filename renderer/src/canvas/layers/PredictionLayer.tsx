import { memo } from 'react';
import { Group, Rect } from 'react-konva';
import type { Prediction } from '../../../../core/ipc/types';
import { predictionAt } from '../../editor/acceptPredictions';
import { PREDICTION_COLOUR, PREDICTION_HOVER_FILL } from '../colours';
import { useCursor, type CursorStore } from '../cursorStore';
import { placeLabels } from '../labelPlacement';
import { BoxLabel, boxLabelSize } from './BoxLabel';

interface Props {
  /** Best score first: the best get their labels when labels would collide. */
  predictions: Prediction[];
  /** The prediction under the cursor, the one Enter accepts, is drawn solid, thicker and tinted, over the rest. */
  cursor: CursorStore;
  scale: number;
}

/**
 * A model's predictions as dashed boxes with their scores inside a free corner (the ground truth's label sits
 * above its box). Line widths and labels keep their size on screen at every zoom. A group in the stage's
 * picture layer, under the ground truth.
 */
export const PredictionLayer = memo(function PredictionLayer({ predictions, cursor, scale }: Props) {
  const hoveredId = useCursor(cursor, (point) => predictionAt(predictions, point)?.id ?? null);
  const s = 1 / scale;
  const texts = predictions.map((p) => p.score.toFixed(2));
  const spots = placeLabels(predictions.map((p, i) => ({ box: p.bbox, ...boxLabelSize(texts[i], scale) })));
  const hovered = predictions.find((p) => p.id === hoveredId);
  return (
    <Group listening={false} visible={predictions.length > 0}>
      {predictions.map(
        (p) =>
          p !== hovered && (
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
          ),
      )}
      {hovered && (
        <Rect
          key={`hovered-${hovered.id}`}
          name="prediction-box hovered-prediction"
          x={hovered.bbox[0]}
          y={hovered.bbox[1]}
          width={hovered.bbox[2]}
          height={hovered.bbox[3]}
          stroke={PREDICTION_COLOUR}
          strokeWidth={3.5 * s}
          fill={PREDICTION_HOVER_FILL}
          shadowColor="#000"
          shadowBlur={3}
          shadowOpacity={0.8}
          perfectDrawEnabled={false}
        />
      )}
      {predictions.map((p, i) => {
        const spot = spots[i];
        return spot && <BoxLabel key={`score-${p.id}`} x={spot.x} y={spot.y} below text={texts[i]} colour={PREDICTION_COLOUR} scale={scale} />;
      })}
    </Group>
  );
});
