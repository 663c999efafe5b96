/// <reference lib="webworker" />
import { evalInputFor } from '../../../core/compare/evalInput';
import { modelDiagnostics, type ModelDiagnostics } from '../../../core/compare/modelDiagnostics';
import { evaluatePair, type EvaluatedPair } from '../../../core/compare/pairedImages';
import { pairDiff, pairStatistics, type PairStatistics } from '../../../core/compare/pairFindings';
import type { EvaluationData } from '../../../core/ipc/types';
import type { FindingsReply, FindingsRequest } from './findingsMessages';

/** The last evaluation, kept while only the sliders move. */
let evaluated: {
  data: EvaluationData;
  key: string;
  pair: EvaluatedPair;
  statistics: PairStatistics;
  diagnostics: [ModelDiagnostics, ModelDiagnostics];
} | null = null;

function evaluate(data: EvaluationData, [a, b]: [number, number], iouType: 'bbox' | 'segm') {
  const input = evalInputFor(data, a);
  const pair = evaluatePair(
    { images: input.images, categories: input.categories, groundTruth: input.groundTruth },
    input.detections,
    evalInputFor(data, b).detections,
    { iouType },
  );
  return {
    pair,
    statistics: pairStatistics(pair),
    diagnostics: [modelDiagnostics(data, a, iouType), modelDiagnostics(data, b, iouType)] as [ModelDiagnostics, ModelDiagnostics],
  };
}

/** Works out the compare view's findings off the UI thread, one request at a time. */
self.onmessage = (event: MessageEvent<FindingsRequest>) => {
  const { id, data, modelIds, iouType, iouThr, scoreThrs } = event.data;
  try {
    const key = `${modelIds.join(',')}:${iouType}`;
    const source = data ?? evaluated?.data;
    if (!source) throw new Error('no project data to evaluate');
    if (data || !evaluated || evaluated.key !== key) evaluated = { data: source, key, ...evaluate(source, modelIds, iouType) };
    const reply: FindingsReply = {
      id,
      diagnostics: evaluated.diagnostics,
      statistics: evaluated.statistics,
      diff: pairDiff(evaluated.pair, iouThr, scoreThrs),
    };
    self.postMessage(reply);
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies FindingsReply);
  }
};
