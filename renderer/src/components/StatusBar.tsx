import type { ImageEntry } from '../../../core/ipc/types';
import type { Viewport } from '../canvas/viewport';
import { ZoomInput } from './ZoomInput';
import { boxCount } from './boxCount';

interface Props {
  image: ImageEntry | undefined;
  viewport: Viewport | null;
  cursor: { x: number; y: number } | null;
  selection: number;
  boxes: number;
  onScale(scale: number): void;
}

export function StatusBar({ image, viewport, cursor, selection, boxes, onScale }: Props) {
  return (
    <footer className="status-bar">
      <span data-testid="status-zoom">{viewport ? <ZoomInput scale={viewport.scale} onScale={onScale} /> : null}</span>
      <span>{image?.width ? `${image.width}×${image.height} px` : ''}</span>
      <span data-testid="status-cursor">{cursor ? `x ${cursor.x.toFixed(1)}  y ${cursor.y.toFixed(1)}` : ''}</span>
      <span data-testid="status-boxes">{image && !image.error ? `${boxCount(boxes)}${selection ? ` · ${selection} selected` : ''}` : ''}</span>
      <span className="status-spacer" />
      <span className="muted">? shortcuts · W draw · F fit · wheel zoom · space-drag pan</span>
    </footer>
  );
}
