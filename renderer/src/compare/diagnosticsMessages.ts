import type { ModelDiagnostics } from '../../../core/compare/modelDiagnostics';
import type { EvaluationData } from '../../../core/ipc/types';

/** What the diagnostics worker is asked: the project's data as it stands (edits included), and for which models. */
export interface DiagnosticsRequest {
  id: number;
  data: EvaluationData;
  modelIds: number[];
  iouType: 'bbox' | 'segm';
}

export type DiagnosticsReply = { id: number; models: ModelDiagnostics[]; error?: undefined } | { id: number; error: string; models?: undefined };
