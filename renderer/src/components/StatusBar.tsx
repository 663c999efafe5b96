import { memo } from 'react';
import type { ImageEntry } from '../../../core/ipc/types';
import { useCursor, type CursorStore } from '../canvas/cursorStore';
import type { Viewport } from '../canvas/viewport';
import type { EditorStore } from '../editor/editorStore';
import { useEditorState } from '../editor/useEditorState';
import { ZoomInput } from './ZoomInput';
import { boxCount } from './boxCount';

interface Props {
  image: ImageEntry | undefined;
  viewport: Viewport | null;
  cursor: CursorStore;
  store: EditorStore;
  onScale(scale: number): void;
}

export const StatusBar = memo(function StatusBar({ image, viewport, cursor, store, onScale }: Props) {
  const selection = useEditorState(store, (s) => s.selection.length);
  const boxes = useEditorState(store, (s) => s.annotations.length);
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
});

/** The pointer's place in image pixels; the only part of the bar a pointer move re-renders. */
function CursorReadout({ cursor }: { cursor: CursorStore }) {
  const text = useCursor(cursor, (p) => (p ? `x ${p.x.toFixed(1)}  y ${p.y.toFixed(1)}` : ''));
  return <span data-testid="status-cursor">{text}</span>;
}
