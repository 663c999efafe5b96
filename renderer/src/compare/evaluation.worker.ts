/// <reference lib="webworker" />
import type { EvaluationAnswer, EvaluationReply, EvaluationRequest } from './evaluationMessages';
import { LiveEvaluation } from './liveEvaluation';

/** The live evaluation of the load being answered; a message of a newer load starts afresh. */
let live: { load: number; evaluation: LiveEvaluation } | null = null;

/** Keeps the compare view's live evaluation off the UI thread: the data arrives in parts, then edits and the view. */
self.onmessage = (event: MessageEvent<EvaluationRequest>) => {
  const request = event.data;
  if (!live || live.load !== request.load) live = { load: request.load, evaluation: new LiveEvaluation() };
  if (request.kind === 'part') return live.evaluation.addPart(request.part);
  try {
    const { evaluation } = live;
    const answer = request.kind === 'build' ? evaluation.build(request.modelIds, request.edits, request.view) : evaluation.update(request.edits, request.view);
    send(request.load, answer);
  } catch (err) {
    self.postMessage({ load: request.load, error: err instanceof Error ? err.message : String(err) } satisfies EvaluationReply);
  }
};

/** Images per message of whole counts or summaries: few enough that the last, read with the view, is quick. */
const IMAGES_PER_MESSAGE = 250;

/** Posts the answer, its whole counts and summaries spread over messages of 250 images, the view with the last. */
function send(load: number, answer: EvaluationAnswer): void {
  const { counts, summaries } = answer;
  const images = Math.max(counts.entries.length, ...summaries.entries.map((e) => e.length));
  for (let start = 0; start + IMAGES_PER_MESSAGE < images; start += IMAGES_PER_MESSAGE) {
    const part = {
      counts: { ...counts, entries: counts.entries.slice(start, start + IMAGES_PER_MESSAGE) },
      summaries: { ...summaries, entries: summaries.entries.map((e) => e.slice(start, start + IMAGES_PER_MESSAGE)) },
    };
    self.postMessage({ load, part } satisfies EvaluationReply);
  }
  const last = Math.max(0, Math.ceil(images / IMAGES_PER_MESSAGE) - 1) * IMAGES_PER_MESSAGE;
  self.postMessage({
    load,
    ...answer,
    counts: { ...counts, entries: counts.entries.slice(last) },
    summaries: { ...summaries, entries: summaries.entries.map((e) => e.slice(last)) },
  } satisfies EvaluationReply);
}
