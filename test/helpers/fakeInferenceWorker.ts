import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from '../../main/inference/workerProtocol.js';

/**
 * A stand-in for the inference worker that speaks its protocol without ONNX Runtime. Each image gets
 * PEDLAB_TEST_WORKER_BOXES boxes (default one), the first at x = the image's id, after PEDLAB_TEST_WORKER_DELAY_MS.
 * PEDLAB_TEST_WORKER_CRASH_AT=N makes the thread exit (as an out-of-memory kill would) on reaching the Nth image of
 * a run. The variables are read when the worker starts, so a fresh worker after a crash runs as the test now says.
 */
const port = parentPort!;
const crashAt = Number(process.env.PEDLAB_TEST_WORKER_CRASH_AT ?? 0);
const delayMs = Number(process.env.PEDLAB_TEST_WORKER_DELAY_MS ?? 0);
const boxes = Number(process.env.PEDLAB_TEST_WORKER_BOXES ?? 1);
const cancelled = new Set<number>();
const post = (reply: WorkerReply) => port.postMessage(reply);

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  if (request.type === 'open') {
    const signature = { kind: 'yolox' as const, input: 'images', output: 'output', inputWidth: 416, inputHeight: 416, classCount: 1 };
    post({ type: 'opened', id: request.id, info: { signature, provider: 'CPU', threads: request.threads, classes: null, variant: null } });
    return;
  }
  if (request.type === 'boxMasks') {
    post({ type: 'failed', id: request.id, message: 'the fake worker has no masks', refused: true });
    return;
  }
  for (const [i, image] of request.images.entries()) {
    if (cancelled.has(request.id)) break;
    if (crashAt && i + 1 === crashAt) process.exit(137);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const detections = Array.from({ length: boxes }, (_, k) => ({
      category: 'pedestrian',
      classIndex: 0,
      score: 0.9 - k / (10 * boxes),
      bbox: [image.imageId, 1 + k, 10, 20] as [number, number, number, number],
      mask: null,
    }));
    post({ type: 'result', id: request.id, imageId: image.imageId, detections, timings: { waitMs: 0, runMs: delayMs, postMs: 0 } });
  }
  post({ type: 'finished', id: request.id, cancelled: cancelled.delete(request.id) });
}

port.on('message', (request: WorkerRequest) => void handle(request));
