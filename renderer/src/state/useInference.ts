import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InferenceStatus, ModelEntry, Prediction } from '../../../core/ipc/types';
import { api } from '../api/client';
import { usePolling } from './usePolling';

/**
 * The project's models, their runs (polled while any is going) and the predictions of the model shown on the
 * selected image, fetched again whenever new results are stored.
 */
export function useInference(projectKey: string | null, imageId: number | null) {
  const [models, setModels] = useState<ModelEntry[]>([]);
  const [status, setStatus] = useState<InferenceStatus>({ runs: [], resultsVersion: 0 });
  const [shownId, setShownId] = useState<number | null>(null);
  const [predictions, setPredictions] = useState<Prediction[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((err: unknown) => setError(err instanceof Error ? err.message : String(err)), []);

  const loadModels = useCallback(async () => {
    const list = await api['models.list']({});
    setModels(list);
    setShownId((id) => (id !== null && list.some((m) => m.id === id) ? id : (list[0]?.id ?? null)));
  }, []);

  useEffect(() => {
    setModels([]);
    setPredictions([]);
    if (!projectKey) return;
    loadModels().catch(fail);
    api['inference.status']({}).then(setStatus, fail);
  }, [projectKey, loadModels, fail]);

  const active = status.runs.some((r) => r.state === 'starting' || r.state === 'running');
  usePolling(active, () => api['inference.status']({}).then(setStatus, fail));

  // A run that ends may have opened a session: the models list then knows its provider.
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active) loadModels().catch(fail);
    wasActive.current = active;
  }, [active, loadModels, fail]);

  useEffect(() => {
    if (imageId === null || shownId === null) return setPredictions([]);
    let live = true;
    api['predictions.forImage']({ imageId, modelId: shownId }).then((p) => live && setPredictions(p), fail);
    return () => {
      live = false;
    };
  }, [imageId, shownId, status.resultsVersion, fail]);

  const shown = models.find((m) => m.id === shownId) ?? null;
  const visible = useMemo(() => (shown ? predictions.filter((p) => p.score >= shown.settings.displayThreshold) : []), [predictions, shown]);

  const run = useCallback((modelIds: number[], threads?: number) => api['inference.start']({ modelIds, threads }).then(setStatus, fail), [fail]);
  const cancel = useCallback((modelId?: number) => api['inference.cancel']({ modelId }).then(setStatus, fail), [fail]);
  const addModel = useCallback(
    async (request: { path: string; name?: string; variant?: string }) => {
      const model = await api['models.add'](request);
      await loadModels();
      setShownId(model.id);
    },
    [loadModels],
  );

  return { models, status, shown, show: setShownId, visible, run, cancel, addModel, reloadModels: loadModels, error, dismissError: () => setError(null) };
}

export type Inference = ReturnType<typeof useInference>;
