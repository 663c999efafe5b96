import { startTransition, useEffect, useRef, useState } from 'react';
import type { Annotation, EvaluationData } from '../../../core/ipc/types';
import { evaluationDataParts, withLiveGroundTruth, yieldToInput } from './evaluationDataParts';
import type { Findings, FindingsMessage, FindingsReply } from './findingsMessages';
import type { ScoreThresholds } from './scoreThresholds';

/** How long edits pause before the project is evaluated again for the findings. */
const SETTLE_MS = 400;

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
    // Marked at a lower priority than the edit's own numbers, which it must not hold up.
    startTransition(() => setState((s) => (s.pending ? s : { ...s, pending: true })));
    const changed = sent.current?.data !== data || sent.current.annotations !== annotations;
    let cancelled = false;
    const send = async () => {
      const id = ++latest.current;
      if (changed) {
        // The data goes in parts, one a task, so that no one message holds the UI thread long.
        for (const part of withLiveGroundTruth(evaluationDataParts(data), imageId, annotations)) {
          worker.current?.postMessage({ kind: 'part', id, part } satisfies FindingsMessage);
          await yieldToInput();
          if (cancelled) return;
        }
        sent.current = { data, annotations };
      }
      const request: FindingsMessage = { kind: 'request', id, withData: changed, modelIds: [a, b], iouType, iouThr, scoreThrs: [scoreA, scoreB] };
      worker.current?.postMessage(request);
    };
    const timer = setTimeout(() => void send(), changed ? SETTLE_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [data, a, b, iouType, iouThr, scoreA, scoreB, imageId, annotations]);

  return state;
}
