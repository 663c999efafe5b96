import type Konva from 'konva';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Image as KonvaImage, Layer, Rect, Stage } from 'react-konva';
import type { Annotation, ImageEntry } from '../../../core/ipc/types';
import { imageUrl } from '../api/client';
import { useElementSize } from './useElementSize';
import { useHtmlImage } from './useHtmlImage';
import { centred, fitViewport, toImage, wheelFactor, zoomAt, type Viewport } from './viewport';

interface Props {
  image: ImageEntry;
  annotations: Annotation[];
  onCursor(point: { x: number; y: number } | null): void;
  onViewport(view: Viewport): void;
}

const GT_COLOUR = '#3ddc84';

/** The selected image on a Konva stage: wheel zooms to the cursor, drag pans, F fits, 0 shows 1:1. */
export function ImageStage({ image, annotations, onCursor, onViewport }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const size = useElementSize(container);
  const loaded = useHtmlImage(imageUrl(image));
  const [view, setView] = useState<Viewport | null>(null);
  const width = image.width ?? 1;
  const height = image.height ?? 1;

  const fit = useCallback(() => {
    if (size.width > 0 && size.height > 0) setView(fitViewport({ width, height }, size));
  }, [size, width, height]);

  // A new image, or the first real size of the stage, starts fitted.
  const fittedFor = useRef<string>('');
  useEffect(() => {
    const key = `${image.id}:${size.width > 0 && size.height > 0}`;
    if (fittedFor.current !== key && size.width > 0) {
      fittedFor.current = key;
      fit();
    }
  }, [image.id, size, fit]);

  useEffect(() => {
    if (view) onViewport(view);
  }, [view, onViewport]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'f' || event.key === 'F') fit();
      else if (event.key === '0') setView(centred({ width, height }, size, 1));
      else if (event.key === '+' || event.key === '=')
        setView((v) => v && zoomAt(v, { x: size.width / 2, y: size.height / 2 }, v.scale * 1.2));
      else if (event.key === '-') setView((v) => v && zoomAt(v, { x: size.width / 2, y: size.height / 2 }, v.scale / 1.2));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fit, size, width, height]);

  const onWheel = (event: Konva.KonvaEventObject<WheelEvent>) => {
    event.evt.preventDefault();
    const pointer = event.target.getStage()?.getPointerPosition();
    if (!pointer || !view) return;
    setView(zoomAt(view, pointer, view.scale * wheelFactor(event.evt.deltaY)));
  };

  const onPointerMove = (event: Konva.KonvaEventObject<PointerEvent>) => {
    const pointer = event.target.getStage()?.getPointerPosition();
    if (pointer && view) onCursor(toImage(view, pointer));
  };

  const onDragMove = (event: Konva.KonvaEventObject<DragEvent>) => {
    const stage = event.target;
    if (stage.getType() !== 'Stage' || !view) return;
    setView({ ...view, x: stage.x(), y: stage.y() });
  };

  return (
    <div
      ref={container}
      className="stage"
      data-testid="image-stage"
      data-zoom={view ? view.scale.toFixed(4) : ''}
      data-image-loaded={loaded.status === 'ready' ? 'true' : 'false'}
    >
      {loaded.status === 'error' && <div className="stage-message">{loaded.message}</div>}
      {view && size.width > 0 && (
        <Stage
          width={size.width}
          height={size.height}
          x={view.x}
          y={view.y}
          scaleX={view.scale}
          scaleY={view.scale}
          draggable
          dragButtons={[0, 1]}
          onWheel={onWheel}
          onPointerMove={onPointerMove}
          onPointerLeave={() => onCursor(null)}
          onDragMove={onDragMove}
          onDragEnd={onDragMove}
        >
          <Layer listening={false} imageSmoothingEnabled={view.scale < 2}>
            {loaded.status === 'ready' && <KonvaImage image={loaded.element} width={width} height={height} />}
          </Layer>
          <Layer listening={false}>
            {annotations.map((a) => (
              <Rect
                key={a.id}
                x={a.bbox[0]}
                y={a.bbox[1]}
                width={a.bbox[2]}
                height={a.bbox[3]}
                stroke={GT_COLOUR}
                strokeWidth={2 / view.scale}
                dash={a.iscrowd ? [6 / view.scale, 4 / view.scale] : undefined}
              />
            ))}
          </Layer>
        </Stage>
      )}
    </div>
  );
}
