import type Konva from 'konva';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Layer, Stage } from 'react-konva';
import type { Box, Point } from '../../../core/geometry/box';
import type { ImageEntry } from '../../../core/ipc/types';
import { imageUrl } from '../api/client';
import type { EditorStore } from '../editor/editorStore';
import { setBoxes } from '../editor/operations';
import { keyBelongsToTarget } from '../editor/keys';
import { createTool } from '../editor/tools/createTool';
import type { Tool } from '../editor/tools/tool';
import type { ViewFilter } from './filters';
import { AnnotationLayer } from './layers/AnnotationLayer';
import { CarriedMasks, useMovingBoxes } from './layers/CarriedMasks';
import { ImageLayer } from './layers/ImageLayer';
import { MaskLayer } from './layers/MaskLayer';
import { PreviewLayer } from './layers/PreviewLayer';
import { useElementSize } from './useElementSize';
import { useHtmlImage } from './useHtmlImage';
import { centred, fitViewport, toImage, wheelFactor, zoomAt, type Viewport } from './viewport';

export interface ViewControls {
  fit(): void;
  actualSize(): void;
  setScale(scale: number): void;
}

interface Props {
  image: ImageEntry;
  store: EditorStore;
  filter: ViewFilter;
  showMasks: boolean;
  controls: { current: ViewControls | null };
  onCursor(point: Point | null): void;
  onViewport(view: Viewport): void;
  /** Extra shapes (predictions) drawn over the picture and under the ground truth, given the current scale. */
  overlay?: (scale: number) => ReactNode;
  /** A view shared with another stage, for locked zoom and pan; gesture previews show in every stage sharing it. */
  shared?: SharedView;
}

export interface SharedView {
  view: Viewport | null;
  onChange(view: Viewport | null): void;
  /** The gesture layers of the stages sharing the view. */
  gestureLayers: Set<HTMLDivElement>;
}

/**
 * The editing canvas. Wheel zooms at the cursor; space-drag or the middle button pans; the active tool gets
 * presses on the empty canvas, the boxes get presses on themselves. Everything below is in image pixels.
 */
export const EditorStage = memo(function EditorStage({ image, store, filter, showMasks, controls, onCursor, onViewport, overlay, shared }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const size = useElementSize(container);
  const loaded = useHtmlImage(imageUrl(image));
  // Only what the canvas draws: the save state changing does not redraw it.
  const annotations = useSyncExternalStore(store.subscribe, () => store.getState().annotations);
  const selection = useSyncExternalStore(store.subscribe, () => store.getState().selection);
  const categories = useSyncExternalStore(store.subscribe, () => store.getState().categories);
  const toolName = useSyncExternalStore(store.subscribe, () => store.getState().tool);
  const maskOpacity = useSyncExternalStore(store.subscribe, () => store.getState().maskOpacity);
  const maskOutline = useSyncExternalStore(store.subscribe, () => store.getState().maskOutline);
  // The brush outline follows the radius as keys change it.
  useSyncExternalStore(store.subscribe, () => store.getState().brushRadius);
  const [ownView, setOwnView] = useState<Viewport | null>(null);
  // Side-by-side panes share one view (locked zoom and pan); a lone stage keeps its own.
  const view = shared ? shared.view : ownView;
  const viewRef = useRef(view);
  viewRef.current = view;
  const setView = useCallback(
    (next: Viewport | null | ((v: Viewport | null) => Viewport | null)) => {
      const value = typeof next === 'function' ? next(viewRef.current) : next;
      viewRef.current = value;
      if (shared) shared.onChange(value);
      else setOwnView(value);
    },
    [shared],
  );
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [, redraw] = useState(0);
  const width = image.width ?? 1;
  const height = image.height ?? 1;
  const imageSize = useMemo(() => ({ width, height }), [width, height]);

  // A tool of its own for each image, so a polygon half placed on one is not carried to the next.
  const imageId = image.id;
  const tool: Tool = useMemo(
    () => createTool(toolName, { store, imageId, imageSize, scale: () => viewRef.current?.scale ?? 1, changed: () => redraw((n) => n + 1) }),
    [toolName, store, imageId, imageSize],
  );

  const toolRef = useRef(tool);
  toolRef.current = tool;
  useEffect(() => store.attachTool({ can: (c) => tool.can?.(c) ?? false, run: (c) => tool.run?.(c) }), [store, tool]);

  const fit = useCallback(() => {
    if (size.width > 0 && size.height > 0) setView(fitViewport(imageSize, size));
  }, [size, imageSize, setView]);

  /** A view the user asked for (zoom, pan, 1:1): the stage stops fitting the image by itself. */
  const userView = useCallback(
    (next: Viewport | ((v: Viewport | null) => Viewport | null)) => {
      autoFit.current = false;
      const snap = (v: Viewport | null) => v && { ...v, x: Math.round(v.x), y: Math.round(v.y) };
      setView((current) => snap(typeof next === 'function' ? next(current) : next));
    },
    [setView],
  );

  useEffect(() => {
    controls.current = {
      fit: () => {
        autoFit.current = true;
        fit();
      },
      actualSize: () => userView(centred(imageSize, size, 1)),
      setScale: (scale) => userView((v) => v && zoomAt(v, { x: size.width / 2, y: size.height / 2 }, scale)),
    };
  }, [controls, fit, imageSize, size, userView]);

  // A new image starts fitted, and stays fitted through window resizes until the user zooms or pans.
  const autoFit = useRef(true);
  const fittedFor = useRef('');
  useEffect(() => {
    if (fittedFor.current.split(':')[0] !== String(image.id)) autoFit.current = true;
    const key = `${image.id}:${size.width}x${size.height}`;
    if (autoFit.current && fittedFor.current !== key && size.width > 0 && size.height > 0) {
      fittedFor.current = key;
      fit();
    }
  }, [image.id, size, fit]);
  /** A view the user chose: offsets land on whole screen pixels, so the image and boxes draw crisp. */

  useEffect(() => {
    if (view) onViewport(view);
  }, [view, onViewport]);

  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.key === ' ' && !keyBelongsToTarget(e)) {
        e.preventDefault();
        setSpaceHeld(true);
      }
      // Escape drops the gesture under way: a box, selection rectangle or stroke being dragged.
      if (e.key === 'Escape' && endGesture.current) {
        endGesture.current();
        redraw((n) => n + 1);
      }
    };
    const up = (e: KeyboardEvent) => e.key === ' ' && setSpaceHeld(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  const hover = (p: Point | null) => {
    if (!tool.hover) return;
    tool.hover(p);
    redraw((n) => n + 1);
  };

  const pointerIn = (e: Konva.KonvaEventObject<PointerEvent | WheelEvent>): Point | null => {
    const p = e.target.getStage()?.getPointerPosition();
    return p && view ? toImage(view, p) : null;
  };

  /**
   * Pan (middle button, or left with space held) and wheel-zoom gestures move the drawn canvas with a CSS
   * transform while they last, and the stage is redrawn once at the end: a thousand boxes cost one redraw per
   * gesture, not one per pointer event. Panning follows the pointer outside the stage too.
   */
  const gestureLayer = useRef<HTMLDivElement>(null);
  const wheel = useRef<{ k: number; p: Point; timer: number } | null>(null);
  const preview = (transform: string) => {
    const layers = shared ? shared.gestureLayers : [gestureLayer.current];
    for (const layer of layers) {
      if (!layer) continue;
      // A layer of its own for the compositor only while a gesture moves it: kept apart all the time, every frame
      // that changes anything on the page (an edit's status text) would hand over each canvas again.
      layer.style.willChange = 'transform';
      layer.style.transform = transform;
    }
  };
  useEffect(() => {
    const layer = gestureLayer.current;
    if (!shared || !layer) return;
    shared.gestureLayers.add(layer);
    return () => void shared.gestureLayers.delete(layer);
    // A new view is a new `shared`; the layer itself appears with the first view.
  }, [shared]);
  const stageNode = useRef<Konva.Stage>(null);
  useLayoutEffect(() => {
    // Draw the new view before dropping the preview transform, so the picture never jumps back for a frame.
    // Each stage sharing the view does this for itself.
    if (gestureLayer.current?.style.transform) {
      stageNode.current?.draw();
      gestureLayer.current.style.transform = '';
      gestureLayer.current.style.willChange = '';
    }
  }, [view]);

  const startPan = (evt: PointerEvent) => {
    if (!view) return;
    const start = { x: evt.clientX, y: evt.clientY };
    let dx = 0;
    let dy = 0;
    const move = (m: PointerEvent) => {
      dx = m.clientX - start.x;
      dy = m.clientY - start.y;
      preview(`translate(${dx}px, ${dy}px)`);
    };
    const end = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      if (dx !== 0 || dy !== 0) userView((v) => v && { ...v, x: v.x + dx, y: v.y + dy });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
  };

  const commitWheel = () => {
    const w = wheel.current;
    if (!w) return;
    window.clearTimeout(w.timer);
    wheel.current = null;
    userView((v) => v && zoomAt(v, w.p, v.scale * w.k));
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    // The pointer in the untransformed container: the stage's own pointer position moves with the preview.
    const rect = container.current?.getBoundingClientRect();
    if (!rect || !view) return;
    const p = { x: e.evt.clientX - rect.left, y: e.evt.clientY - rect.top };
    if (wheel.current && (wheel.current.p.x !== p.x || wheel.current.p.y !== p.y)) commitWheel();
    const k = (wheel.current?.k ?? 1) * wheelFactor(e.evt.deltaY);
    if (wheel.current) window.clearTimeout(wheel.current.timer);
    wheel.current = { k, p, timer: window.setTimeout(commitWheel, 120) };
    preview(`translate(${p.x}px, ${p.y}px) scale(${k}) translate(${-p.x}px, ${-p.y}px)`);
  };

  /**
   * A tool's gesture is followed on the window from press to release, so a drag released outside the stage
   * ends the same as one released inside it (the tool clamps the point to the image).
   */
  const endGesture = useRef<(() => void) | null>(null);
  useEffect(() => () => endGesture.current?.(), []);
  const followGesture = (active: Tool) => {
    const imagePoint = (evt: PointerEvent): Point | null => {
      const rect = container.current?.getBoundingClientRect();
      const v = viewRef.current;
      return rect && v ? toImage(v, { x: evt.clientX - rect.left, y: evt.clientY - rect.top }) : null;
    };
    const move = (evt: PointerEvent) => {
      const p = imagePoint(evt);
      if (!p) return;
      active.move(p);
      redraw((n) => n + 1);
    };
    const up = (evt: PointerEvent) => {
      if (evt.button !== 0) return;
      const p = imagePoint(evt);
      if (p) active.up(p, { shift: evt.shiftKey });
      else active.cancel();
      stop();
    };
    const cancel = () => {
      active.cancel();
      stop();
    };
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      endGesture.current = null;
      redraw((n) => n + 1);
    };
    endGesture.current?.();
    endGesture.current = cancel;
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
  };

  const onPointerDown = (e: Konva.KonvaEventObject<PointerEvent>) => {
    if (e.evt.button === 1 || (e.evt.button === 0 && spaceHeld)) {
      e.evt.preventDefault();
      return startPan(e.evt);
    }
    // The tool gets presses on the empty canvas only; boxes and resize handles handle their own.
    if (e.evt.button !== 0 || e.target !== e.target.getStage()) return;
    const p = pointerIn(e);
    if (!p) return;
    tool.down(p, { shift: e.evt.shiftKey });
    followGesture(tool);
    redraw((n) => n + 1);
  };

  const pick = useCallback((id: number, shift: boolean) => store.pick(id, shift), [store]);
  const changeBoxes = useCallback((label: string, boxes: Map<number, Box>) => void setBoxes(store, label, boxes, imageSize), [store, imageSize]);

  // Boxes under a drag or resize carry their masks along as they go: drawn apart from the rest until released.
  const { moving, setMoving, leaveOut, carried } = useMovingBoxes(annotations);

  const scale = view?.scale ?? 1;
  /** Pictures are smoothed when drawn smaller than twice their size; larger, their pixels show. */
  const smooth = scale < 2;
  const overlayShapes = useMemo(() => overlay?.(scale), [overlay, scale]);

  return (
    <div
      ref={container}
      className={`stage${spaceHeld ? ' panning' : ''}${toolName !== 'select' ? ' drawing' : ''}`}
      data-testid="image-stage"
      data-zoom={view ? view.scale.toFixed(4) : ''}
      data-offset={view ? `${view.x.toFixed(2)},${view.y.toFixed(2)}` : ''}
      data-image-loaded={loaded.status === 'ready' ? 'true' : 'false'}
      data-gesture={tool.preview()?.kind ?? ''}
    >
      {loaded.status === 'error' && <div className="stage-message">{loaded.message}</div>}
      {view && size.width > 0 && (
        <div ref={gestureLayer} className="gesture-layer">
          <Stage
            ref={stageNode}
            width={size.width}
            height={size.height}
            x={view.x}
            y={view.y}
            scaleX={view.scale}
            scaleY={view.scale}
            onWheel={onWheel}
            onPointerDown={onPointerDown}
            onPointerMove={(e) => {
              const p = pointerIn(e);
              onCursor(p);
              if (!endGesture.current) hover(p);
            }}
            onPointerLeave={(e) => {
              if (e.target !== e.target.getStage()) return;
              onCursor(null);
              if (!endGesture.current) hover(null);
            }}
          >
            {/* Four layers in all: the picture (photo, masks, predictions), resting boxes, selected boxes, gestures. */}
            {/* Until the photo is ready the last one stays, at its own size, and nothing of the new image is drawn over it. */}
            <Layer listening={false} imageSmoothingEnabled={smooth}>
              {loaded.status === 'ready' && <ImageLayer element={loaded.element} width={width} height={height} filter={filter} />}
              {loaded.status === 'loading' && loaded.previous && (
                <ImageLayer element={loaded.previous} width={loaded.previous.naturalWidth} height={loaded.previous.naturalHeight} filter={filter} />
              )}
              {loaded.status === 'ready' && showMasks && (
                <MaskLayer annotations={annotations} width={width} height={height} opacity={maskOpacity} outline={maskOutline} leaveOut={leaveOut} />
              )}
              {loaded.status === 'ready' && overlayShapes}
            </Layer>
            <AnnotationLayer
              visible={loaded.status === 'ready'}
              annotations={annotations}
              categories={categories}
              selection={selection}
              scale={view.scale}
              image={imageSize}
              interactive={toolName === 'select' && !spaceHeld}
              onPick={pick}
              onBoxes={changeBoxes}
              moving={moving}
              onMoving={setMoving}
              carried={
                moving &&
                showMasks &&
                carried.length > 0 && (
                  <CarriedMasks
                    annotations={carried}
                    boxes={moving.boxes}
                    width={width}
                    height={height}
                    opacity={maskOpacity}
                    outline={maskOutline}
                    smooth={smooth}
                  />
                )
              }
            />
            <PreviewLayer preview={tool.preview()} cursor={tool.cursor?.() ?? null} scale={view.scale} />
          </Stage>
        </div>
      )}
    </div>
  );
});
