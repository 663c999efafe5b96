import { useEffect, useRef, useState } from 'react';
import type { Annotation, EvaluationData } from '../../../core/ipc/types';
import type { Findings, FindingsReply, FindingsRequest } from './findingsMessages';
import type { ScoreThresholds } from './scoreThresholds';

/** How long edits pause before the project is evaluated again for the findings. */
const SETTLE_MS = 400;

/** The project's data with the edited image's ground truth as it is now. */
export function withLiveGroundTruth(data: EvaluationData, imageId: number | null, annotations: Annotation[]): EvaluationData {
  if (imageId === null || !data.images.some((i) => i.id === imageId)) return data;
  return { ...data, groundTruth: [...data.groundTruth.filter((a) => a.imageId !== imageId), ...annotations.filter((a) => a.imageId === imageId)] };
}

export interface FindingsState {
  findings: Findings | null;
  /** Whether newer findings are being worked out (the ones shown are from before the last change). */
  pending: boolean;
  error: string | null;
}

interface Request {
  data: EvaluationData | null;
  pair: [number, number] | null;
  iouType: 'bbox' | 'segm';
  iouThr: number;
  scoreThrs: ScoreThresholds;
  imageId: number | null;
  annotations: Annotation[];
}

/**
 * The compare view's findings (TIDE errors, miss rates, the person-by-person diff, significance, operating points,
 * likely label errors), worked out in a worker once edits settle: the UI thread never waits for them, and the
 * answer to an older request is dropped. Only the diff is redone when just the sliders move.
 */
export function useFindings({ data, pair, iouType, iouThr, scoreThrs, imageId, annotations }: Request): FindingsState {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const sent = useRef<{ data: EvaluationData; annotations: Annotation[] } | null>(null);
  const [state, setState] = useState<FindingsState>({ findings: null, pending: false, error: null });

  useEffect(() => {
    const w = new Worker(new URL('./findings.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<FindingsReply>) => {
      const reply = event.data;
      if (reply.id !== latest.current) return;
      setState(reply.error === undefined ? { findings: reply, pending: false, error: null } : { findings: null, pending: false, error: reply.error });
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
      sent.current = null;
    };
  }, []);

  const [scoreA, scoreB] = scoreThrs;
  const a = pair?.[0];
  const b = pair?.[1];
  useEffect(() => {
    if (!data || a === undefined || b === undefined) return;
    setState((s) => ({ ...s, pending: true }));
    const changed = sent.current?.data !== data || sent.current.annotations !== annotations;
    const timer = setTimeout(
      () => {
        const request: FindingsRequest = { id: ++latest.current, modelIds: [a, b], iouType, iouThr, scoreThrs: [scoreA, scoreB] };
        if (changed) {
          request.data = withLiveGroundTruth(data, imageId, annotations);
          sent.current = { data, annotations };
        }
        worker.current?.postMessage(request);
      },
      changed ? SETTLE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [data, a, b, iouType, iouThr, scoreA, scoreB, imageId, annotations]);

  return state;
}
