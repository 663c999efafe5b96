import { memo, useMemo, useRef } from 'react';
import { Image as KonvaImage } from 'react-konva';
import { paintMasks, type PaintedMask } from '../paintMasks';

interface Props {
  /** The predictions' masks, each in the colour that says what it is (the model's, or its outcome's). */
  masks: PaintedMask[];
  width: number;
  height: number;
}

/** Predicted masks, filled lightly with a solid outline, under the boxes. A shape in the stage's picture layer. */
export const PredictionMaskLayer = memo(function PredictionMaskLayer({ masks, width, height }: Props) {
  // Painted again only when a mask or its colour changes (the key says), not whenever the list is rebuilt.
  const key = masks.map((m) => `${m.colour}:${m.mask.counts}`).join('|');
  const latest = useRef(masks);
  latest.current = masks;
  const canvas = useMemo(() => (key ? paintMasks(latest.current, width, height, 60, true) : null), [key, width, height]);
  return canvas && <KonvaImage name="prediction-masks" image={canvas} width={width} height={height} listening={false} />;
});
