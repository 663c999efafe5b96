import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Point } from '../../core/geometry/box';
import type { Annotation } from '../../core/ipc/types';
import { api } from './api/client';
import { EditorStage, type ViewControls } from './canvas/EditorStage';
import { NO_FILTER, type ViewFilter } from './canvas/filters';
import type { Viewport } from './canvas/viewport';
import { HelpOverlay } from './components/HelpOverlay';
import { ImageList } from './components/ImageList';
import { OpenFolderDialog } from './components/OpenFolderDialog';
import { SaveState } from './components/SaveState';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { ModelsPanel } from './components/ModelsPanel';
import { PredictionLayer } from './canvas/layers/PredictionLayer';
import { useInference } from './state/useInference';
import { acceptPredictions, predictionAt } from './editor/acceptPredictions';
import { actionFor, type ActionContext } from './editor/actions';
import { EditorStore } from './editor/editorStore';
import { chordOf } from './editor/keys';
import { useProject } from './state/useProject';

export function App() {
  const { state, openFolder, select, dismissError, setAnnotationCount } = useProject();
  const store = useMemo(() => new EditorStore(), []);
  const editor = useSyncExternalStore(store.subscribe, store.getState);
  const [asking, setAsking] = useState(false);
  const [help, setHelp] = useState(false);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [cursor, setCursor] = useState<Point | null>(null);
  const [filter, setFilter] = useState<ViewFilter>(NO_FILTER);
  const [showMasks, setShowMasks] = useState(true);
  const controls = useRef<ViewControls | null>(null);
  const clipboard = useRef<Annotation[]>([]);
  // Actions read the cursor from a ref: a key can arrive before React renders the last pointer move.
  const cursorRef = useRef<Point | null>(null);
  const trackCursor = useCallback((p: Point | null) => {
    cursorRef.current = p;
    setCursor(p);
  }, []);
  const image = state.images.find((i) => i.id === state.selectedId);
  const editable = image && !image.error ? image : undefined;
  const inference = useInference(state.project?.dbPath ?? null, editable?.id ?? null);

  useEffect(() => {
    if (state.project) api['categories.list']({}).then((c) => store.setCategories(c), () => undefined);
  }, [state.project, store]);

  useEffect(() => {
    void store.loadImage(editable?.id ?? null);
  }, [editable?.id, store]);

  useEffect(() => {
    if (editor.imageId !== null) setAnnotationCount(editor.imageId, editor.annotations.length);
  }, [editor.imageId, editor.annotations.length, setAnnotationCount]);

  const saving = editor.pending > 0;
  useEffect(() => {
    document.title = state.project ? `${saving ? '● ' : ''}${state.project.name} — Pedlab` : 'Pedlab';
  }, [state.project, saving]);

  const chooseFolder = useCallback(async () => {
    if (!state.info?.canPickFolder) return setAsking(true);
    const { folder } = await api['project.pickFolder']({});
    if (folder) await openFolder(folder).catch(() => undefined);
  }, [state.info, openFolder]);

  const navigate = useCallback(
    (step: number) => {
      const index = state.images.findIndex((i) => i.id === state.selectedId);
      const next = state.images[Math.min(state.images.length - 1, Math.max(0, index + step))];
      if (next) select(next.id);
    },
    [state.images, state.selectedId, select],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (asking || event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
      const ctx: ActionContext = {
        store,
        size: editable ? { width: editable.width!, height: editable.height! } : null,
        cursor: cursorRef.current,
        clipboard,
        navigate,
        fit: () => controls.current?.fit(),
        actualSize: () => controls.current?.actualSize(),
        toggleHelp: () => setHelp((h) => !h),
        acceptPrediction: () => {
          const target = predictionAt(inference.visible, cursorRef.current);
          if (target) acceptPredictions(store, [target]);
        },
        acceptAllPredictions: () => acceptPredictions(store, inference.visible),
      };
      const action = actionFor(chordOf(event), ctx);
      if (!action) return;
      event.preventDefault();
      action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asking, store, editable, navigate, inference.visible]);

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
        {state.project && <SaveState pending={editor.pending} error={editor.error} />}
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
      {state.project && (
        <Toolbar
          store={store}
          state={editor}
          filter={filter}
          onFilter={setFilter}
          showMasks={showMasks}
          onShowMasks={setShowMasks}
          onHelp={() => setHelp(true)}
        />
      )}
      <main className="workspace">
        <ImageList images={state.images} selectedId={state.selectedId} onSelect={select} />
        {editable ? (
          <EditorStage
            image={editable}
            store={store}
            filter={filter}
            showMasks={showMasks}
            controls={controls}
            onCursor={trackCursor}
            onViewport={setViewport}
            overlay={(scale) => <PredictionLayer predictions={inference.visible} scale={scale} />}
          />
        ) : (
          <div className="stage stage-empty">
            {state.busy ? 'Opening…' : image?.error ? `${image.fileName}: ${image.error}` : 'Open a folder of PNG or JPEG images to begin.'}
          </div>
        )}
        {state.project && <ModelsPanel inference={inference} />}
      </main>
      <StatusBar image={image} viewport={editable ? viewport : null} cursor={cursor} selection={editor.selection.length} boxes={editor.annotations.length} onScale={(scale) => controls.current?.setScale(scale)} />
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
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
