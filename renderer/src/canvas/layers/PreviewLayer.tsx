import { Circle, Layer, Line, Rect } from 'react-konva';
import type { Point } from '../../../../core/geometry/box';
import type { ToolPreview } from '../../editor/tools/tool';
import { HALO_COLOUR, PREVIEW_COLOUR } from '../colours';

interface Props {
  preview: ToolPreview | null;
  /** The brush outline at the pointer, in image pixels. */
  cursor: { point: Point; radius: number } | null;
  scale: number;
}

/** What the tool is doing: the box being drawn, the selection rectangle, the stroke, the polygon, the brush. */
export function PreviewLayer({ preview, cursor, scale }: Props) {
  if (!preview && !cursor) return <Layer listening={false} visible={false} />;
  return (
    <Layer listening={false}>
      {preview && <Gesture preview={preview} scale={scale} />}
      {cursor && (
        <>
          <Circle x={cursor.point.x} y={cursor.point.y} radius={cursor.radius} stroke={HALO_COLOUR} strokeWidth={3 / scale} />
          <Circle x={cursor.point.x} y={cursor.point.y} radius={cursor.radius} stroke="#ffffff" strokeWidth={1 / scale} name="brush-cursor" />
        </>
      )}
    </Layer>
  );
}

function Gesture({ preview, scale }: { preview: ToolPreview; scale: number }) {
  if (preview.kind === 'stroke') {
    const colour = preview.erase ? 'rgba(10, 12, 16, 0.55)' : 'rgba(255, 210, 63, 0.55)';
    const [first] = preview.points;
    // A press without a drag paints one dab: a line through one point would draw nothing.
    if (preview.points.length === 1) return <Circle x={first.x} y={first.y} radius={preview.radius} fill={colour} data-testid="preview" />;
    return (
      <Line
        points={preview.points.flatMap((p) => [p.x, p.y])}
        stroke={colour}
        strokeWidth={2 * preview.radius}
        lineCap="round"
        lineJoin="round"
        data-testid="preview"
      />
    );
  }
  if (preview.kind === 'polygon') {
    const points = preview.points.flatMap((p) => [p.x, p.y]);
    const last = preview.points[preview.points.length - 1];
    return (
      <>
        <Line points={points} stroke={PREVIEW_COLOUR} strokeWidth={1.5 / scale} fill="rgba(255, 210, 63, 0.15)" closed={preview.closing} />
        {preview.cursor && !preview.closing && (
          <Line points={[last.x, last.y, preview.cursor.x, preview.cursor.y]} stroke={PREVIEW_COLOUR} strokeWidth={1 / scale} dash={[4 / scale, 3 / scale]} />
        )}
        {preview.points.map((p, i) => (
          <Circle
            key={i}
            x={p.x}
            y={p.y}
            radius={(i === 0 && preview.closing ? 6 : 3.5) / scale}
            fill={i === 0 ? PREVIEW_COLOUR : '#ffffff'}
            stroke={HALO_COLOUR}
            strokeWidth={1 / scale}
          />
        ))}
      </>
    );
  }
  if (preview.kind === 'outline') {
    return (
      <>
        <Line points={preview.points.flatMap((p) => [p.x, p.y])} closed stroke={PREVIEW_COLOUR} strokeWidth={1.5 / scale} name="mask-outline" />
        {preview.points.map((p, i) => (
          <Rect
            key={i}
            x={p.x - 3 / scale}
            y={p.y - 3 / scale}
            width={6 / scale}
            height={6 / scale}
            fill={i === preview.active ? PREVIEW_COLOUR : '#ffffff'}
            stroke={HALO_COLOUR}
            strokeWidth={1 / scale}
          />
        ))}
      </>
    );
  }
  const [x, y, w, h] = preview.box;
  return (
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
  );
}
