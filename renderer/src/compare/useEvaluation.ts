import { useEffect, useMemo, useState } from 'react';
import { evalInputFor, groundTruthForEval } from '../../../core/compare/evalInput';
import { CocoEvaluator } from '../../../core/eval/cocoEval';
import type { Annotation, EvaluationData } from '../../../core/ipc/types';
import { api } from '../api/client';

export interface ModelEvaluation {
  modelId: number;
  bbox: CocoEvaluator;
  /** Null when some ground truth or prediction has no mask. */
  segm: CocoEvaluator | null;
}

function hasMasks(data: EvaluationData, modelId: number): boolean {
  const predictions = data.predictions[modelId] ?? [];
  return data.groundTruth.every((a) => a.mask) && predictions.every((p) => p.mask) && predictions.length > 0;
}

/**
 * COCO evaluations of the chosen models over the whole project, kept live: when the current image's ground
 * truth changes, that image alone is re-evaluated. `version` changes whenever any number may have.
 */
export function useEvaluation(modelIds: number[], reloadKey: string, imageId: number | null, annotations: Annotation[]) {
  const [data, setData] = useState<EvaluationData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const ids = modelIds.join(',');

  useEffect(() => {
    if (modelIds.length === 0) return;
    let live = true;
    api['evaluation.data']({ modelIds }).then(
      (d) => live && (setData(d), setError(null)),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
    // The model ids are compared by value, through `ids`.
  }, [ids, reloadKey]);

  const evaluations = useMemo<ModelEvaluation[]>(() => {
    if (!data) return [];
    return modelIds.map((modelId) => {
      const input = evalInputFor(data, modelId);
      return {
        modelId,
        bbox: new CocoEvaluator(input, { iouType: 'bbox' }),
        segm: hasMasks(data, modelId) ? new CocoEvaluator(input, { iouType: 'segm' }) : null,
      };
    });
  }, [data]);

  // Live: the edited image's ground truth replaces the stored one in every evaluation.
  useEffect(() => {
    if (imageId === null || evaluations.length === 0 || !data?.images.some((i) => i.id === imageId)) return;
    const own = annotations.filter((a) => a.imageId === imageId);
    const gts = own.map(groundTruthForEval);
    const withMasks = own.every((a) => a.mask);
    for (const e of evaluations) {
      e.bbox.setGroundTruth(imageId, gts);
      // A box drawn without a mask cannot be scored by mask IoU: segm is dropped rather than left stale.
      if (e.segm && withMasks) e.segm.setGroundTruth(imageId, gts);
      else e.segm = null;
    }
    setVersion((v) => v + 1);
  }, [annotations, imageId, evaluations, data]);

  return { data, evaluations, version, error };
}
