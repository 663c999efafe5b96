import type { AbDiff } from '../../../core/compare/abDiff';
import type { ModelDiagnostics } from '../../../core/compare/modelDiagnostics';
import type { PairStatistics } from '../../../core/compare/pairFindings';
import type { EvaluationDataPart } from './evaluationDataParts';

/**
 * What the findings worker is asked. The project as it stands (edits included) comes only when it changed since
 * the last request, as parts of 1,000 images posted ahead of the request with its id (`withData`); otherwise the
 * worker reuses its evaluation and redoes what the sliders change.
 */
export type FindingsMessage = { kind: 'part'; id: number; part: EvaluationDataPart } | ({ kind: 'request' } & FindingsRequest);

export interface FindingsRequest {
  id: number;
  withData: boolean;
  modelIds: [number, number];
  iouType: 'bbox' | 'segm';
  iouThr: number;
  scoreThrs: [number, number];
}

/** Everything the compare view explains beyond the 12 numbers, for models A and B. */
export interface Findings {
  diagnostics: [ModelDiagnostics, ModelDiagnostics];
  statistics: PairStatistics;
  diff: AbDiff;
}

export type FindingsReply = ({ id: number; error?: undefined } & Findings) | { id: number; error: string };
