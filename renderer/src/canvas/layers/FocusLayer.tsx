import { memo } from 'react';
import { Group, Rect } from 'react-konva';
import type { Annotation, ImagePrediction } from '../../../../core/ipc/types';
import { FOCUS_COLOUR, HALO_COLOUR } from '../colours';

type Box = readonly [number, number, number, number];

interface Props {
  /** The boxes of the case in view: ground-truth ids, this pane's detection ids, and a box of its own. */
  gtIds: readonly number[];
  detectionIds: readonly number[];
  box: Box | null;
  groundTruth: readonly Annotation[];
  predictions: readonly ImagePrediction[];
  scale: number;
}

/** A bright ring, over a dark halo, around each box of the case the compare view points at. */
export const FocusLayer = memo(function FocusLayer({ gtIds, detectionIds, box, groundTruth, predictions, scale }: Props) {
  const s = 1 / scale;
  const boxes: Box[] = [
    ...groundTruth.filter((g) => gtIds.includes(g.id)).map((g) => g.bbox),
    ...predictions.filter((p) => detectionIds.includes(p.id)).map((p) => p.bbox),
    ...(box ? [box] : []),
  ];
  return (
    <Group listening={false} name="case-focus">
      {boxes.map((b, i) =>
        [HALO_COLOUR, FOCUS_COLOUR].map((colour, k) => (
          <Rect
            key={`${i}-${k}`}
            x={b[0] - 6 * s}
            y={b[1] - 6 * s}
            width={b[2] + 12 * s}
            height={b[3] + 12 * s}
            stroke={colour}
            strokeWidth={(k === 0 ? 5 : 2.5) * s}
            cornerRadius={4 * s}
            perfectDrawEnabled={false}
          />
        )),
      )}
    </Group>
  );
});
