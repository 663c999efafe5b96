/// <reference lib="webworker" />
import { evalInputFor } from '../../../core/compare/evalInput';
import { modelDiagnostics, type ModelDiagnostics } from '../../../core/compare/modelDiagnostics';
import { evaluatePair, type EvaluatedPair } from '../../../core/compare/pairedImages';
import { pairDiff, pairStatistics, type PairStatistics } from '../../../core/compare/pairFindings';
import { LOOSE_IOU_THRS } from '../../../core/eval/params';
import type { EvaluationData } from '../../../core/ipc/types';
import { joinEvaluationData, type EvaluationDataPart } from './evaluationDataParts';
import type { FindingsMessage, FindingsReply } from './findingsMessages';
import { isLoose } from './iouThresholds';

/** The last evaluation, kept while only the sliders move; `loosePair` is built the first time the IoU slider goes below 0.50. */
let evaluated: {
  data: EvaluationData;
  key: string;
  pair: EvaluatedPair;
  loosePair: EvaluatedPair | null;
  statistics: PairStatistics;
  diagnostics: [ModelDiagnostics, ModelDiagnostics];
} | null = null;

function evaluateAt(data: EvaluationData, [a, b]: [number, number], iouType: 'bbox' | 'segm', iouThrs?: readonly number[]): EvaluatedPair {
  const input = evalInputFor(data, a);
  return evaluatePair(
    { images: input.images, categories: input.categories, groundTruth: input.groundTruth },
    input.detections,
    evalInputFor(data, b).detections,
    { iouType, iouThrs },
  );
}

function evaluate(data: EvaluationData, modelIds: [number, number], iouType: 'bbox' | 'segm') {
  const [a, b] = modelIds;
  const pair = evaluateAt(data, modelIds, iouType);
  return {
    loosePair: null,
    pair,
    statistics: pairStatistics(pair),
    diagnostics: [modelDiagnostics(data, a, iouType), modelDiagnostics(data, b, iouType)] as [ModelDiagnostics, ModelDiagnostics],
  };
}

/** The parts of the data sent ahead of the request with this id. */
let parts: { id: number; parts: EvaluationDataPart[] } = { id: 0, parts: [] };

/** Works out the compare view's findings off the UI thread, one request at a time. */
self.onmessage = (event: MessageEvent<FindingsMessage>) => {
  const message = event.data;
  if (message.kind === 'part') {
    if (parts.id !== message.id) parts = { id: message.id, parts: [] };
    parts.parts.push(message.part);
    return;
  }
  const { id, withData, modelIds, iouType, iouThr, scoreThrs } = message;
  const data = withData && parts.id === id ? joinEvaluationData(parts.parts) : null;
  if (withData) parts = { id: 0, parts: [] };
  try {
    const key = `${modelIds.join(',')}:${iouType}`;
    const source = data ?? evaluated?.data;
    if (!source) throw new Error('no project data to evaluate');
    if (data || !evaluated || evaluated.key !== key) evaluated = { data: source, key, ...evaluate(source, modelIds, iouType) };
    const reply: FindingsReply = {
      id,
      diagnostics: evaluated.diagnostics,
      statistics: evaluated.statistics,
      diff: pairDiff(isLoose(iouThr) ? (evaluated.loosePair ??= evaluateAt(source, modelIds, iouType, LOOSE_IOU_THRS)) : evaluated.pair, iouThr, scoreThrs),
    };
    self.postMessage(reply);
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies FindingsReply);
  }
};
