/// <reference lib="webworker" />
import { modelDiagnostics } from '../../../core/compare/modelDiagnostics';
import type { DiagnosticsReply, DiagnosticsRequest } from './diagnosticsMessages';

/** Computes what explains each model's numbers off the UI thread, one request at a time, newest wins. */
self.onmessage = (event: MessageEvent<DiagnosticsRequest>) => {
  const { id, data, modelIds, iouType } = event.data;
  try {
    const reply: DiagnosticsReply = { id, models: modelIds.map((m) => modelDiagnostics(data, m, iouType)) };
    self.postMessage(reply);
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies DiagnosticsReply);
  }
};
