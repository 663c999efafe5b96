import { useEffect, useRef, useState } from 'react';
import type { ModelDiagnostics } from '../../../core/compare/modelDiagnostics';
import type { Annotation, EvaluationData } from '../../../core/ipc/types';
import type { DiagnosticsReply, DiagnosticsRequest } from './diagnosticsMessages';

/** How long edits pause before the diagnostics are computed again. */
const SETTLE_MS = 400;

/** The project's data with the edited image's ground truth as it is now. */
export function withLiveGroundTruth(data: EvaluationData, imageId: number | null, annotations: Annotation[]): EvaluationData {
  if (imageId === null || !data.images.some((i) => i.id === imageId)) return data;
  return { ...data, groundTruth: [...data.groundTruth.filter((a) => a.imageId !== imageId), ...annotations.filter((a) => a.imageId === imageId)] };
}

export interface Diagnostics {
  models: ModelDiagnostics[] | null;
  /** Whether newer numbers are being computed (the ones shown are from before the last edit). */
  pending: boolean;
  error: string | null;
}

/**
 * TIDE errors and miss rates of the compared models, computed in a worker after edits settle: the UI thread
 * never waits for them, and an answer to an older request is dropped.
 */
export function useDiagnostics(enabled: boolean, data: EvaluationData | null, modelIds: number[], iouType: 'bbox' | 'segm', imageId: number | null, annotations: Annotation[]): Diagnostics {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [state, setState] = useState<Diagnostics>({ models: null, pending: false, error: null });

  useEffect(() => {
    const w = new Worker(new URL('./diagnostics.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<DiagnosticsReply>) => {
      const reply = event.data;
      if (reply.id !== latest.current) return;
      setState(reply.error === undefined ? { models: reply.models, pending: false, error: null } : { models: null, pending: false, error: reply.error });
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const ids = modelIds.join(',');
  useEffect(() => {
    if (!enabled || !data || ids === '') return;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      const request: DiagnosticsRequest = { id: ++latest.current, data: withLiveGroundTruth(data, imageId, annotations), modelIds: ids.split(',').map(Number), iouType };
      worker.current?.postMessage(request);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [enabled, data, ids, iouType, imageId, annotations]);

  return state;
}
