import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Annotation } from '../../../core/ipc/types';
import type { EditorStore } from '../editor/editorStore';
import { EvaluationStore, type EvaluationSnapshot } from './evaluationStore';
import type { ScoreThresholds } from './scoreThresholds';

/**
 * The chosen models' live COCO evaluation over the whole project, read from its store: the store's worker
 * builds it, evaluates the current image again on each edit of its ground truth, and answers for the view.
 */
export function useEvaluation(
  modelIds: number[],
  reloadKey: string,
  editor: EditorStore,
  imageId: number | null,
  { iouType, iouThr, scoreThrs }: { iouType: 'bbox' | 'segm'; iouThr: number; scoreThrs: ScoreThresholds },
): EvaluationSnapshot {
  const [store] = useState(() => new EvaluationStore());
  useEffect(() => () => store.dispose(), [store]);
  // The model ids compared by value: a new array with the same ids loads nothing again.
  const ids = modelIds.join(',');
  useEffect(() => {
    if (ids !== '') void store.open(ids.split(',').map(Number), reloadKey);
  }, [store, ids, reloadKey]);
  // Each edit goes to the worker from the editor store itself, as it is made: the worker evaluates it while React
  // renders the edit, and its answer can reach the same frame.
  useEffect(() => {
    let sent: Annotation[] | null = null;
    const send = () => {
      const { imageId: edited, annotations } = editor.getState();
      if (edited === null || annotations === sent) return;
      sent = annotations;
      store.setGroundTruth(edited, annotations);
    };
    send();
    return editor.subscribe(send);
  }, [store, editor]);
  const [scoreA, scoreB] = scoreThrs;
  useEffect(() => store.setView({ iouType, iouThr, scoreThrs: [scoreA, scoreB], imageId }), [store, iouType, iouThr, scoreA, scoreB, imageId]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
