import type { ImageEntry } from '../../../core/ipc/types';
import type { Viewport } from '../canvas/viewport';

interface Props {
  image: ImageEntry | undefined;
  viewport: Viewport | null;
  cursor: { x: number; y: number } | null;
  dbPath: string | undefined;
}

export function StatusBar({ image, viewport, cursor, dbPath }: Props) {
  return (
    <footer className="status-bar">
      <span data-testid="status-zoom">{viewport ? `Zoom ${Math.round(viewport.scale * 100)}%` : ''}</span>
      <span>{image?.width ? `${image.width}×${image.height} px` : ''}</span>
      <span data-testid="status-cursor">{cursor ? `x ${cursor.x.toFixed(1)}  y ${cursor.y.toFixed(1)}` : ''}</span>
      <span className="status-spacer" />
      <span className="muted" title={dbPath}>
        F fit · 0 actual size · wheel zoom · drag pan
      </span>
    </footer>
  );
}
