// The worker side of liveBench: builds one model's evaluation from the input it is sent in parts, then keeps it and answers
// each edit (one image's ground truth or detections replaced) with the 12 stats.
import { parentPort } from 'node:worker_threads';
import { CocoEvaluator, type EvalInput } from '../../core/eval/cocoEval.js';
import type { Stats } from '../../core/eval/cocoStats.js';
import type { Detection, GroundTruth, ImageId } from '../../core/eval/types.js';

export type LiveRequest =
  /** Part of the input: sent a part at a time so that no one message blocks the sender long. */
  | { kind: 'part'; input: EvalInput }
  | { kind: 'build' }
  | { kind: 'groundTruth'; imageId: ImageId; groundTruth: GroundTruth[] }
  | { kind: 'detections'; imageId: ImageId; detections: Detection[] };

export interface LiveReply {
  stats: Stats;
  /** Time spent in the worker on the request. */
  workerMs: number;
}

let evaluator: CocoEvaluator | null = null;
let parts: EvalInput[] = [];
parentPort!.on('message', (request: LiveRequest) => {
  if (request.kind === 'part') {
    parts.push(request.input);
    return;
  }
  const t0 = performance.now();
  if (request.kind === 'build') {
    evaluator = new CocoEvaluator({
      images: parts.flatMap((p) => p.images),
      categories: parts[0]?.categories ?? [],
      groundTruth: parts.flatMap((p) => p.groundTruth),
      detections: parts.flatMap((p) => p.detections),
    });
    parts = [];
  } else if (request.kind === 'groundTruth') evaluator!.setGroundTruth(request.imageId, request.groundTruth);
  else evaluator!.setDetections(request.imageId, request.detections);
  const stats = evaluator!.stats();
  parentPort!.postMessage({ stats, workerMs: performance.now() - t0 } satisfies LiveReply);
});
