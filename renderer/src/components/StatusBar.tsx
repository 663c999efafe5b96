import type { ImageEntry } from '../../../core/ipc/types';
import { useCursor, type CursorStore } from '../canvas/cursorStore';
import type { Viewport } from '../canvas/viewport';
import { ZoomInput } from './ZoomInput';
import { boxCount } from './boxCount';

interface Props {
  image: ImageEntry | undefined;
  viewport: Viewport | null;
  cursor: CursorStore;
  selection: number;
  boxes: number;
  onScale(scale: number): void;
}

export function StatusBar({ image, viewport, cursor, selection, boxes, onScale }: Props) {
  return (
    <footer className="status-bar">
      <span data-testid="status-zoom">{viewport ? <ZoomInput scale={viewport.scale} onScale={onScale} /> : null}</span>
      <span>{image?.width ? `${image.width}×${image.height} px` : ''}</span>
      <CursorReadout cursor={cursor} />
      <span data-testid="status-boxes">{image && !image.error ? `${boxCount(boxes)}${selection ? ` · ${selection} selected` : ''}` : ''}</span>
      <span className="status-spacer" />
      <span className="muted">? shortcuts · W draw · F fit · wheel zoom · space-drag pan</span>
    </footer>
  );
}

/** The pointer's place in image pixels; the only part of the bar a pointer move re-renders. */
function CursorReadout({ cursor }: { cursor: CursorStore }) {
  const text = useCursor(cursor, (p) => (p ? `x ${p.x.toFixed(1)}  y ${p.y.toFixed(1)}` : ''));
  return <span data-testid="status-cursor">{text}</span>;
}
