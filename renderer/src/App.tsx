import { useCallback, useEffect, useState } from 'react';
import { api } from './api/client';
import { ImageStage } from './canvas/ImageStage';
import type { Viewport } from './canvas/viewport';
import { ImageList } from './components/ImageList';
import { OpenFolderDialog } from './components/OpenFolderDialog';
import { StatusBar } from './components/StatusBar';
import { useProject } from './state/useProject';

export function App() {
  const { state, openFolder, select, dismissError } = useProject();
  const [asking, setAsking] = useState(false);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);
  const image = state.images.find((i) => i.id === state.selectedId);

  useEffect(() => {
    document.title = state.project ? `${state.project.name} — Pedlab` : 'Pedlab';
  }, [state.project]);

  const chooseFolder = useCallback(async () => {
    if (!state.info?.canPickFolder) return setAsking(true);
    const { folder } = await api['project.pickFolder']({});
    if (folder) await openFolder(folder).catch(() => undefined);
  }, [state.info, openFolder]);

  // A/D and the arrow keys step through the list.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (asking || event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey) return;
      const step = event.key === 'd' || event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'a' || event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
      if (!step || state.images.length === 0) return;
      const index = state.images.findIndex((i) => i.id === state.selectedId);
      const next = state.images[Math.min(state.images.length - 1, Math.max(0, index + step))];
      if (next) select(next.id);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asking, state.images, state.selectedId, select]);

  return (
    <div className="app">
      <header className="top-bar">
        <span className="brand">Pedlab</span>
        <span className="project-name" data-testid="project-name">
          {state.project ? state.project.name : 'No project'}
        </span>
        {state.project && (
          <span className="muted" title={state.project.folder}>
            {state.project.imageCount} images{state.project.errorCount ? ` · ${state.project.errorCount} unreadable` : ''}
          </span>
        )}
        <span className="status-spacer" />
        {state.info && <span className="host-badge">{state.info.host === 'electron' ? 'Desktop' : 'Browser'} · v{state.info.version}</span>}
        <button type="button" onClick={chooseFolder} disabled={state.busy}>
          Open folder…
        </button>
      </header>
      {state.error && (
        <div className="banner" role="alert">
          {state.error}
          <button type="button" onClick={dismissError} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      <main className="workspace">
        <ImageList images={state.images} selectedId={state.selectedId} onSelect={select} />
        {image && !image.error ? (
          <ImageStage image={image} annotations={state.annotations} onCursor={setCursor} onViewport={setViewport} />
        ) : (
          <div className="stage stage-empty">
            {state.busy ? 'Opening…' : image?.error ? `${image.fileName}: ${image.error}` : 'Open a folder of PNG or JPEG images to begin.'}
          </div>
        )}
      </main>
      <StatusBar image={image} viewport={image && !image.error ? viewport : null} cursor={cursor} dbPath={state.project?.dbPath} />
      {asking && (
        <OpenFolderDialog
          initial={state.project?.folder ?? ''}
          onCancel={() => setAsking(false)}
          onOpen={async (folder) => {
            await openFolder(folder);
            setAsking(false);
          }}
        />
      )}
    </div>
  );
}
