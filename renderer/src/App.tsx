import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../core/ipc/types';
import { api } from './api/client';
import { EditorStage, type ViewControls } from './canvas/EditorStage';
import { NO_FILTER, type ViewFilter } from './canvas/filters';
import type { Viewport } from './canvas/viewport';
import { HelpOverlay } from './components/HelpOverlay';
import { ImageList } from './components/ImageList';
import { OpenFolderDialog } from './components/OpenFolderDialog';
import { ProjectCounts } from './components/ProjectCounts';
import { RecoveryNotice } from './components/RecoveryNotice';
import { SaveState } from './components/SaveState';
import { WindowTitle } from './components/WindowTitle';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { ModelsPanel } from './components/ModelsPanel';
import { PredictionLayer } from './canvas/layers/PredictionLayer';
import { PredictionMaskLayer } from './canvas/layers/PredictionMaskLayer';
import { PREDICTION_COLOUR } from './canvas/colours';
import { CursorStore } from './canvas/cursorStore';
import { useInference } from './state/useInference';
import { useMaskAssist } from './state/useMaskAssist';
import { acceptAllPredictions, acceptPredictionAt } from './editor/acceptPredictions';
import { actionFor, type ActionContext } from './editor/actions';
import { EditorStore } from './editor/editorStore';
import { useEditorState } from './editor/useEditorState';
import { chordOf, keyBelongsToTarget } from './editor/keys';
import { useProject } from './state/useProject';
import { CompareBar } from './compare/CompareBar';
import { casesOf, stepCase, type CaseFocus } from './compare/caseFocus';
import { CompareView } from './compare/CompareView';
import { ExportReportDialog } from './compare/ExportReportDialog';
import { ExportDialog } from './importExport/ExportDialog';
import { ImportDialog } from './importExport/ImportDialog';
import { MetricsPanel } from './compare/MetricsPanel';
import { useCompare } from './compare/useCompare';

export function App() {
  const { state, openFolder, reload, select, dismissError, setAnnotationCount } = useProject();
  const store = useMemo(() => new EditorStore(), []);
  const imageId = useEditorState(store, (s) => s.imageId);
  const boxCount = useEditorState(store, (s) => s.annotations.length);
  const categories = useEditorState(store, (s) => s.categories);
  const [asking, setAsking] = useState(false);
  const [help, setHelp] = useState(false);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [filter, setFilter] = useState<ViewFilter>(NO_FILTER);
  const [showMasks, setShowMasks] = useState(true);
  const controls = useRef<ViewControls | null>(null);
  const clipboard = useRef<Annotation[]>([]);
  // The pointer's place is read by the status bar, the prediction under it and the keys, not by the app itself.
  const cursor = useMemo(() => new CursorStore(), []);
  const image = state.images.find((i) => i.id === state.selectedId);
  const editable = image && !image.error ? image : undefined;
  const inference = useInference(state.project?.dbPath ?? null, editable?.id ?? null);
  const assist = useMaskAssist(state.project?.dbPath ?? null, inference.models, store);
  const [mode, setMode] = useState<'edit' | 'compare'>('edit');
  const toEditMode = useCallback(() => setMode('edit'), []);
  const openHelp = useCallback(() => setHelp(true), []);
  const setScale = useCallback((scale: number) => controls.current?.setScale(scale), []);
  const [exporting, setExporting] = useState(false);
  const [transfer, setTransfer] = useState<'import' | 'export' | null>(null);
  /** Counts imports: each one may change any image's ground truth, which the evaluation then reads again. */
  const [imports, setImports] = useState(0);
  const compare = useCompare(
    mode === 'compare',
    inference.models,
    `${state.project?.dbPath}:${inference.status.resultsVersion}:${imports}`,
    state.images,
    store,
  );

  const [showPredictedMasks, setShowPredictedMasks] = useState(true);
  const predictedMasks = useMemo(
    () => (showPredictedMasks ? inference.visible.flatMap((p) => (p.mask ? [{ mask: p.mask, colour: PREDICTION_COLOUR }] : [])) : []),
    [showPredictedMasks, inference.visible],
  );
  const predictionOverlay = useCallback(
    (scale: number) => (
      <>
        {editable && <PredictionMaskLayer masks={predictedMasks} width={editable.width!} height={editable.height!} />}
        <PredictionLayer predictions={inference.visible} cursor={cursor} scale={scale} />
      </>
    ),
    [inference.visible, cursor, predictedMasks, editable],
  );

  useEffect(() => {
    if (state.project)
      api['categories.list']({}).then(
        (c) => store.setCategories(c),
        () => undefined,
      );
  }, [state.project, store]);
  const categoryNames = useMemo(() => categories.map((c) => c.name), [categories]);

  /** The diff or label-error case the compare view points at; choosing one shows its image. */
  const [focus, setFocus] = useState<CaseFocus | null>(null);
  const chooseCase = useCallback(
    (next: CaseFocus | null) => {
      setFocus(next);
      if (next) select(next.imageId);
    },
    [select],
  );
  /** The cases of the chosen kind on the image in view: the panes draw only their boxes. */
  const findings = compare.findings.findings;
  const kindCases = useMemo(
    () => (focus && findings && editable ? casesOf(focus.kind, findings.diff, findings.statistics.labelErrors).filter((c) => c.imageId === editable.id) : null),
    [focus, findings, editable],
  );
  /** A box both models found where the ground truth has none, taken into it as one undoable edit. */
  const acceptLabelBox = useCallback(
    (imageId: number, categoryId: number, box: readonly [number, number, number, number]) => {
      if (store.getState().imageId !== imageId) return;
      void store.edit(
        'Add a person the labels missed',
        { create: [{ categoryId, bbox: [...box], area: box[2] * box[3], iscrowd: false, mask: null }], update: [], delete: [] },
        true,
      );
    },
    [store],
  );

  /** An operating point's button: that model's threshold, the two sliders apart from then on. */
  const { setScoreThr, setLinked } = compare;
  const setModelScore = useCallback(
    (model: 0 | 1, score: number) => {
      setLinked(false);
      setScoreThr(model, score);
    },
    [setScoreThr, setLinked],
  );

  const { reloadModels } = inference;
  const afterImport = useCallback(async () => {
    store.setCategories(await api['categories.list']({}));
    await Promise.all([reload(), reloadModels()]);
    await store.loadImage(store.getState().imageId);
    setImports((n) => n + 1);
  }, [store, reload, reloadModels]);

  useEffect(() => {
    void store.loadImage(editable?.id ?? null);
  }, [editable?.id, store]);

  useEffect(() => {
    if (imageId !== null) setAnnotationCount(imageId, boxCount);
  }, [imageId, boxCount, setAnnotationCount]);

  const chooseFolder = useCallback(async () => {
    if (!state.info?.canPickPaths) return setAsking(true);
    const { path } = await api['dialog.pickPath']({ purpose: 'project-folder' });
    if (path) await openFolder(path).catch(() => undefined);
  }, [state.info, openFolder]);

  const navigate = useCallback(
    (step: number) => {
      const list = compare.ordered;
      const index = list.findIndex((i) => i.id === state.selectedId);
      const next = list[Math.min(list.length - 1, Math.max(0, index + step))];
      if (next) select(next.id);
    },
    [compare.ordered, state.selectedId, select],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (asking || exporting || transfer || keyBelongsToTarget(event)) return;
      const ctx: ActionContext = {
        store,
        size: editable ? { width: editable.width!, height: editable.height! } : null,
        cursor: cursor.get(),
        clipboard,
        navigate,
        fit: () => controls.current?.fit(),
        actualSize: () => controls.current?.actualSize(),
        toggleHelp: () => setHelp((h) => !h),
        acceptPrediction: () => acceptPredictionAt(store, inference.visible, cursor.get()),
        acceptAllPredictions: () => acceptAllPredictions(store, inference.visible),
        maskFromModel: assist.fromSelection,
        ...(mode === 'compare' && focus && findings
          ? {
              stepCase: (step: 1 | -1) => {
                const next = stepCase(focus, findings!.diff, findings!.statistics.labelErrors, step);
                if (next) chooseCase(next);
              },
              acceptCase:
                focus.kind === 'label:unlabelled' && focus.box && focus.categoryId !== null
                  ? () => acceptLabelBox(focus.imageId, focus.categoryId!, focus.box!)
                  : undefined,
            }
          : {}),
      };
      const action = actionFor(chordOf(event), ctx);
      if (!action) return;
      event.preventDefault();
      action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [
    asking,
    exporting,
    transfer,
    store,
    cursor,
    editable,
    navigate,
    inference.visible,
    assist.fromSelection,
    mode,
    focus,
    findings,
    chooseCase,
    acceptLabelBox,
  ]);

  return (
    <div className="app">
      <header className="top-bar">
        <span className="brand">Pedlab</span>
        <span className="project-name" data-testid="project-name">
          {state.project ? state.project.name : 'No project'}
        </span>
        {state.project && <ProjectCounts project={state.project} />}
        {state.project && <SaveState store={store} />}
        <WindowTitle store={store} project={state.project?.name ?? null} />
        <span className="status-spacer" />
        {state.project && (
          <div className="segmented" role="group" aria-label="Mode">
            <button type="button" aria-pressed={mode === 'edit'} onClick={() => setMode('edit')}>
              Edit
            </button>
            <button type="button" aria-pressed={mode === 'compare'} onClick={() => setMode('compare')} disabled={inference.models.length === 0}>
              Compare
            </button>
          </div>
        )}
        {state.info && (
          <span className="host-badge">
            {state.info.host === 'electron' ? 'Desktop' : 'Browser'} · v{state.info.version}
          </span>
        )}
        {state.project && (
          <>
            <button type="button" onClick={() => setTransfer('import')} disabled={state.busy}>
              Import…
            </button>
            <button type="button" onClick={() => setTransfer('export')} disabled={state.busy}>
              Export…
            </button>
          </>
        )}
        <button type="button" onClick={chooseFolder} disabled={state.busy}>
          Open folder…
        </button>
      </header>
      <RecoveryNotice refresh={state.error} onRestored={openFolder} />
      {state.error && (
        <div className="banner" role="alert">
          {state.error}
          <button type="button" onClick={dismissError} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {state.project && (
        <Toolbar store={store} filter={filter} onFilter={setFilter} showMasks={showMasks} onShowMasks={setShowMasks} onHelp={openHelp} assist={assist} />
      )}
      {state.project && mode === 'compare' && (
        <CompareBar
          models={inference.models}
          modelA={compare.pair?.[0] ?? null}
          modelB={compare.pair?.[1] ?? null}
          onModels={(a, b) => compare.setPair([a, b])}
          iouThr={compare.iouThr}
          onIou={compare.setIouThr}
          scoreThrs={compare.scoreThrs}
          onScore={compare.setScoreThr}
          linked={compare.linked}
          onLinked={compare.setLinked}
          sort={compare.sort}
          onSort={compare.setSort}
          stale={compare.stale}
          onResort={compare.resort}
          showModelMasks={compare.showModelMasks}
          onShowModelMasks={compare.setShowModelMasks}
          onExport={() => setExporting(true)}
        />
      )}
      <main className={`workspace${mode === 'compare' ? ' comparing' : ''}`}>
        <ImageList
          images={compare.ordered}
          selectedId={state.selectedId}
          onSelect={select}
          sortLabels={mode === 'compare' ? compare.sortLabels : null}
          outcomeCounts={mode === 'compare' ? compare.outcomeCounts : null}
        />
        {mode === 'compare' && editable && compare.evaluation.live ? (
          <>
            <CompareView
              image={editable}
              store={store}
              live={compare.evaluation.live}
              names={compare.names}
              filter={filter}
              showMasks={showMasks}
              controls={controls}
              onCursor={cursor.set}
              onViewport={setViewport}
              focus={focus?.imageId === editable.id ? focus : null}
              onModels={toEditMode}
              showModelMasks={compare.showModelMasks}
              errorTypes={compare.errorTypes}
              kindCases={kindCases}
            />
            <MetricsPanel
              names={compare.names}
              live={compare.evaluation.live}
              store={store}
              iouThr={compare.iouThr}
              scoreThrs={compare.scoreThrs}
              iouType={compare.iouType}
              segmAvailable={compare.segmAvailable}
              onIouType={compare.setIouType}
              findings={compare.findings}
              focus={focus}
              onFocus={chooseCase}
              onScore={setModelScore}
              onAcceptBox={acceptLabelBox}
            />
          </>
        ) : mode === 'compare' && editable ? (
          <div className="stage stage-empty">{compare.evaluation.error ?? 'Evaluating…'}</div>
        ) : editable ? (
          <EditorStage
            image={editable}
            store={store}
            filter={filter}
            showMasks={showMasks}
            controls={controls}
            onCursor={cursor.set}
            onViewport={setViewport}
            overlay={predictionOverlay}
          />
        ) : (
          <div className="stage stage-empty">
            {state.busy ? 'Opening…' : image?.error ? `${image.fileName}: ${image.error}` : 'Open a folder of PNG or JPEG images to begin.'}
          </div>
        )}
        {state.project && mode === 'edit' && (
          <ModelsPanel inference={inference} showMasks={showPredictedMasks} onShowMasks={setShowPredictedMasks} assist={assist} />
        )}
      </main>
      <StatusBar image={image} viewport={editable ? viewport : null} cursor={cursor} store={store} onScale={setScale} />
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
      {transfer === 'import' && state.project && (
        <ImportDialog projectName={state.project.name} categories={categoryNames} onImported={afterImport} onClose={() => setTransfer(null)} />
      )}
      {transfer === 'export' && state.project && (
        <ExportDialog projectName={state.project.name} initialFolder={state.project.folder} onClose={() => setTransfer(null)} />
      )}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      {exporting && compare.pair && state.project && (
        <ExportReportDialog modelIds={compare.pair} scoreThresholds={compare.scoreThrs} iouThreshold={compare.iouThr} onClose={() => setExporting(false)} />
      )}
    </div>
  );
}
