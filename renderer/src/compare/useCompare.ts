import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Annotation, ImageEntry, ModelEntry } from '../../../core/ipc/types';
import type { EditorStore } from '../editor/editorStore';
import type { ImageSummary } from '../../../core/eval/imageSummaries';
import { TIDE_MAIN_LABELS } from '../../../core/eval/tide/tideSummary';
import { casesPerImage, orderedIds, sortKeys } from './imageOrder';
import type { ScoreThresholds } from './scoreThresholds';
import { useFindings } from './useFindings';
import { useEvaluation } from './useEvaluation';

const NO_SUMMARIES: ReadonlyMap<number, ImageSummary> = new Map();
const NO_ANNOTATIONS: Annotation[] = [];

/** The compare mode's choices (models, thresholds, order) and the live evaluation behind them. */
export function useCompare(active: boolean, models: ModelEntry[], reloadKey: string, images: ImageEntry[], editor: EditorStore) {
  const imageId = useSyncExternalStore(editor.subscribe, () => editor.getState().imageId);
  // The findings need the live ground truth only while comparing: editing outside compare mode renders nothing here.
  const annotations = useSyncExternalStore(editor.subscribe, () => (active ? editor.getState().annotations : NO_ANNOTATIONS));
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [iouThr, setIouThr] = useState(0.5);
  /** Each model's score threshold; linked, one slider moves both. */
  const [scoreThrs, setScoreThrs] = useState<ScoreThresholds>([0.5, 0.5]);
  const [linked, setLinked] = useState(true);
  const setScoreThr = useCallback(
    (model: 0 | 1 | 'both', value: number) => setScoreThrs((t) => (model === 'both' ? [value, value] : model === 0 ? [value, t[1]] : [t[0], value])),
    [],
  );
  const [sort, setSort] = useState('name');
  const [iouType, setIouType] = useState<'bbox' | 'segm'>('bbox');

  useEffect(() => {
    const ids = models.map((m) => m.id);
    if (pair && ids.includes(pair[0]) && ids.includes(pair[1])) return;
    if (ids.length >= 2) setPair([ids[0], ids[1]]);
    else if (ids.length === 1) setPair([ids[0], ids[0]]);
  }, [models, pair]);

  const modelIds = active && pair ? pair : [];
  const evaluation = useEvaluation(modelIds, reloadKey, editor, imageId, { iouType, iouThr, scoreThrs });
  const live = evaluation.live;
  const nameA = pair ? (models.find((m) => m.id === pair[0])?.name ?? '') : '';
  const nameB = pair ? (models.find((m) => m.id === pair[1])?.name ?? '') : '';
  const names = useMemo((): [string, string] => [nameA, nameB], [nameA, nameB]);

  const segmAvailable = live?.view.segmAvailable ?? false;
  const type = segmAvailable ? iouType : 'bbox';
  const findings = useFindings({
    data: active ? (live?.data ?? null) : null,
    pair: active ? pair : null,
    iouType: type,
    iouThr,
    scoreThrs,
    imageId,
    annotations,
  });
  /** Per model, each detection TIDE counts as an error, by the error's name (Loc, Bkg, …). */
  const errorTypes = useMemo(() => {
    const f = findings.findings;
    if (!f) return null;
    return f.diagnostics.map((d) => new Map(d.tide.detections.flatMap((o) => (o.error ? [[o.detectionId, TIDE_MAIN_LABELS[o.error]] as const] : [])))) as [
      Map<number, string>,
      Map<number, string>,
    ];
  }, [findings.findings]);
  const [showModelMasks, setShowModelMasks] = useState(true);
  const diffCounts = useMemo(() => (findings.findings ? casesPerImage(findings.findings.diff) : null), [findings.findings]);

  // The list's counts and sort keys follow the numbers a frame later: a new answer shows its numbers first.
  const listed = useDeferredValue(live);
  const summaries = listed?.summaries;
  const keys = useMemo(
    () => (active && summaries ? sortKeys(images, sort, summaries[0] ?? NO_SUMMARIES, summaries[1] ?? NO_SUMMARIES, diffCounts) : null),
    [active, images, sort, summaries, diffCounts],
  );
  // The order is taken when the sort is chosen (or asked again), not on every edit: the list holds still while
  // the user works through it, and says when it no longer matches the values shown.
  const [order, setOrder] = useState<number[] | null>(null);
  const [resorts, setResorts] = useState(0);
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const imagesRef = useRef(images);
  imagesRef.current = images;
  const hasKeys = keys !== null;
  const imageIds = images.map((i) => i.id).join(',');
  useEffect(() => {
    setOrder(hasKeys ? orderedIds(imagesRef.current, keysRef.current) : null);
  }, [sort, resorts, hasKeys, imageIds]);
  const ordered = useMemo(() => {
    if (!order) return images;
    const byId = new Map(images.map((i) => [i.id, i]));
    const listed = order.map((id) => byId.get(id)).filter((i): i is ImageEntry => i !== undefined);
    return listed.length === images.length ? listed : [...listed, ...images.filter((i) => !order.includes(i.id))];
  }, [images, order]);
  // Stale when sorting again would give another order than the one shown.
  const stale = useMemo(
    () => order !== null && keys !== null && orderedIds(images, keys).some((id, k) => id !== ordered[k]?.id),
    [order, keys, images, ordered],
  );
  const resort = useCallback(() => setResorts((n) => n + 1), []);
  const outcomeCounts = active ? (listed?.counts ?? null) : null;
  const sortLabels = useMemo(() => (keys ? new Map([...keys].map(([id, v]) => [id, v.label])) : null), [keys]);

  return {
    pair,
    setPair,
    iouThr,
    setIouThr,
    scoreThrs,
    setScoreThr,
    linked,
    setLinked,
    sort,
    setSort,
    iouType: type,
    setIouType,
    segmAvailable,
    names,
    evaluation,
    findings,
    ordered,
    sortLabels,
    outcomeCounts,
    errorTypes,
    showModelMasks,
    setShowModelMasks,
    stale,
    resort,
  };
}
