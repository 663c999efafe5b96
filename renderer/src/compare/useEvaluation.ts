import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Annotation } from '../../../core/ipc/types';
import { EvaluationStore, type EvaluationSnapshot } from './evaluationStore';
import type { ScoreThresholds } from './scoreThresholds';

/**
 * The chosen models' live COCO evaluation over the whole project, read from its store: the store's worker
 * builds it, evaluates the current image again on each edit of its ground truth, and answers for the view.
 */
export function useEvaluation(
  modelIds: number[],
  reloadKey: string,
  imageId: number | null,
  annotations: Annotation[],
  { iouType, iouThr, scoreThrs }: { iouType: 'bbox' | 'segm'; iouThr: number; scoreThrs: ScoreThresholds },
): EvaluationSnapshot {
  const [store] = useState(() => new EvaluationStore());
  useEffect(() => () => store.dispose(), [store]);
  // The model ids compared by value: a new array with the same ids loads nothing again.
  const ids = modelIds.join(',');
  useEffect(() => {
    if (ids !== '') void store.open(ids.split(',').map(Number), reloadKey);
  }, [store, ids, reloadKey]);
  useEffect(() => {
    if (imageId !== null) store.setGroundTruth(imageId, annotations);
  }, [store, imageId, annotations]);
  const [scoreA, scoreB] = scoreThrs;
  useEffect(() => store.setView({ iouType, iouThr, scoreThrs: [scoreA, scoreB], imageId }), [store, iouType, iouThr, scoreA, scoreB, imageId]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
