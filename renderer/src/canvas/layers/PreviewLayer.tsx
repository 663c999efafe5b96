import { Layer, Rect } from 'react-konva';
import type { ToolPreview } from '../../editor/tools/tool';
import { PREVIEW_COLOUR } from '../colours';

/** The box being drawn, or the selection rectangle. */
export function PreviewLayer({ preview, scale }: { preview: ToolPreview | null; scale: number }) {
  if (!preview) return <Layer listening={false} visible={false} />;
  const [x, y, w, h] = preview.box;
  return (
    <Layer listening={false}>
      <Rect
        x={x}
        y={y}
        width={w}
        height={h}
        stroke={PREVIEW_COLOUR}
        strokeWidth={1.5 / scale}
        dash={preview.kind === 'rubber-band' ? [4 / scale, 3 / scale] : undefined}
        fill={preview.kind === 'rubber-band' ? 'rgba(255, 210, 63, 0.08)' : undefined}
        data-testid="preview"
      />
    </Layer>
  );
}
