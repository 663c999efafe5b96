import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MaskFillStatus, ModelEntry } from '../../../core/ipc/types';
import { kindGivesMasks, needsMask } from '../../../core/masks/boxToMask';
import { api } from '../api/client';
import type { EditorStore } from '../editor/editorStore';
import { BOXES_PER_REQUEST, masksFromModel } from '../editor/masksFromModel';
import { maskNotice } from '../editor/modelMasks';
import { usePolling } from './usePolling';

/** Box to mask in the editor's own hands: the selection's masks (M), or those of the image's maskless boxes. */
export interface MaskWork {
  scope: 'selection' | 'image';
  done: number;
  total: number;
}

const storageKey = (projectKey: string) => `pedlab.maskModel:${projectKey}`;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Box to mask: the models that can give masks and the one chosen (remembered per project in this browser), the
 * selection's masks from it (M, one undoable edit), masks for every box without one on the image (box by box,
 * cancellable, one undoable edit), and for the whole project, the background job polled while it runs (it
 * writes to the store itself: not undoable), the image in view read again as it stores masks.
 */
export function useMaskAssist(projectKey: string | null, models: readonly ModelEntry[], store: EditorStore) {
  const candidates = useMemo(() => models.filter((m) => kindGivesMasks(m.kind) && !m.problem), [models]);
  const [chosen, setChosen] = useState<number | null>(null);
  useEffect(() => setChosen(projectKey ? Number(localStorage.getItem(storageKey(projectKey))) || null : null), [projectKey]);
  const modelId = candidates.some((m) => m.id === chosen) ? chosen : (candidates[0]?.id ?? null);
  const choose = useCallback(
    (id: number) => {
      setChosen(id);
      if (projectKey) localStorage.setItem(storageKey(projectKey), String(id));
    },
    [projectKey],
  );

  const [work, setWork] = useState<MaskWork | null>(null);
  const cancelling = useRef(false);
  const busy = useRef(false);
  const ask = useCallback(
    async (scope: MaskWork['scope'], label: string, chunk: number) => {
      const targets = scope === 'selection' ? store.selected() : store.getState().annotations.filter(needsMask);
      if (modelId === null || busy.current || targets.length === 0) return;
      busy.current = true;
      cancelling.current = false;
      setWork({ scope, done: 0, total: targets.length });
      try {
        await masksFromModel(store, label, targets, {
          modelId,
          chunk,
          onProgress: (done, total) => setWork({ scope, done, total }),
          cancelled: () => cancelling.current,
        });
      } catch (err) {
        store.setNotice(`No masks: ${message(err)}`);
      } finally {
        busy.current = false;
        setWork(null);
      }
    },
    [store, modelId],
  );
  const fromSelection = useCallback(() => void ask('selection', 'Mask from model', BOXES_PER_REQUEST), [ask]);
  const fillImage = useCallback(() => void ask('image', 'Masks for every box without one', 1), [ask]);

  const [job, setJob] = useState<MaskFillStatus | null>(null);
  const jobFailed = useCallback((err: unknown) => store.setNotice(`Masks for the project: ${message(err)}`), [store]);
  useEffect(() => {
    setJob(null);
    if (projectKey) api['masks.fillStatus']({}).then(setJob, jobFailed);
  }, [projectKey, jobFailed]);
  const running = job?.state === 'running';
  usePolling(running, () => api['masks.fillStatus']({}).then(setJob, jobFailed));
  const version = job?.version;
  useEffect(() => {
    if (version) void store.refresh();
  }, [version, store]);
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && job && !running) {
      const outcome = { added: job.filled, missed: job.missed };
      if (job.state === 'failed') store.setNotice(`Masks for the project failed: ${job.error}`);
      else {
        const said = maskNotice(job.state === 'cancelled' ? { ...outcome, cancelled: { done: job.boxesDone, total: job.boxesTotal } } : outcome);
        store.setNotice(`Whole project (not undoable): ${said}`);
      }
    }
    wasRunning.current = running;
  }, [job, running, store]);
  const fillProject = useCallback(() => {
    if (modelId !== null) api['masks.fillStart']({ modelId }).then(setJob, jobFailed);
  }, [modelId, jobFailed]);

  const cancel = useCallback(() => {
    if (busy.current) cancelling.current = true;
    else api['masks.fillCancel']({}).then(setJob, jobFailed);
  }, [jobFailed]);

  const shown = running ? job : null;
  // One object while its parts stay the same, so the views it is passed to are not re-rendered for a new one.
  return useMemo(
    () => ({ candidates, modelId, choose, work, job: shown, fromSelection, fillImage, fillProject, cancel }),
    [candidates, modelId, choose, work, shown, fromSelection, fillImage, fillProject, cancel],
  );
}

export type MaskAssist = ReturnType<typeof useMaskAssist>;
