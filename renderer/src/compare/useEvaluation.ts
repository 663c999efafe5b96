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
  /**
   * The same evaluations at the loose IoU thresholds (0.10:0.45), built only once the IoU slider goes below 0.50
   * (see `evaluatorAt`); shared by every copy of this entry and kept live with it.
   */
  loose: { bbox: CocoEvaluator | null; segm: CocoEvaluator | null };
}

function hasMasks(data: EvaluationData, modelId: number): boolean {
  const predictions = data.predictions[modelId] ?? [];
  return data.groundTruth.every((a) => a.mask) && predictions.every((p) => p.mask) && predictions.length > 0;
}

/**
 * COCO evaluations of the chosen models over the whole project, kept live: when the current image's ground
 * truth changes, that image alone is re-evaluated, in place, and `evaluations` comes back as a new array, so
 * that whatever is computed from it is computed again.
 */
export function useEvaluation(modelIds: number[], reloadKey: string, imageId: number | null, annotations: Annotation[]) {
  // The data with the models it was loaded for: the evaluations are built from both at once.
  const [loaded, setLoaded] = useState<{ data: EvaluationData; modelIds: number[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The model ids compared by value: a new array with the same ids loads nothing again.
  const ids = modelIds.join(',');
  const wanted = useMemo(() => (ids === '' ? [] : ids.split(',').map(Number)), [ids]);
  const data = loaded?.data ?? null;

  useEffect(() => {
    if (wanted.length === 0) return;
    let live = true;
    api['evaluation.data']({ modelIds: wanted }).then(
      (d) => live && (setLoaded({ data: d, modelIds: wanted }), setError(null)),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [wanted, reloadKey]);

  const built = useMemo<ModelEvaluation[]>(() => {
    if (!loaded) return [];
    const { data, modelIds } = loaded;
    return modelIds.map((modelId) => {
      const input = evalInputFor(data, modelId);
      return {
        modelId,
        bbox: new CocoEvaluator(input, { iouType: 'bbox' }),
        segm: hasMasks(data, modelId) ? new CocoEvaluator(input, { iouType: 'segm' }) : null,
        loose: { bbox: null, segm: null },
      };
    });
  }, [loaded]);
  // The list as last updated in place, for the list it was copied from.
  const [updated, setUpdated] = useState<{ from: ModelEvaluation[]; list: ModelEvaluation[] } | null>(null);

  // Live: the edited image's ground truth replaces the stored one in every evaluation.
  useEffect(() => {
    if (imageId === null || built.length === 0 || !data?.images.some((i) => i.id === imageId)) return;
    const own = annotations.filter((a) => a.imageId === imageId);
    const gts = own.map(groundTruthForEval);
    const withMasks = own.every((a) => a.mask);
    for (const e of built) {
      e.bbox.setGroundTruth(imageId, gts);
      e.loose.bbox?.setGroundTruth(imageId, gts);
      // A box drawn without a mask cannot be scored by mask IoU: segm is dropped rather than left stale.
      if (e.segm && withMasks) {
        e.segm.setGroundTruth(imageId, gts);
        e.loose.segm?.setGroundTruth(imageId, gts);
      } else {
        e.segm = null;
        e.loose.segm = null;
      }
    }
    setUpdated({ from: built, list: built.map((e) => ({ ...e })) });
  }, [annotations, imageId, built, data]);

  const evaluations = updated?.from === built ? updated.list : built;
  return { data, evaluations, error };
}
