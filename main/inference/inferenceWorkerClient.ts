import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImageDetection, InferenceSettings } from '../../core/detect/types.js';
import type { BoxPromptOptions } from '../../core/detect/boxPrompt.js';
import type { Box } from '../../core/geometry/box.js';
import type { BoxMask } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import type { DetectorInfo, Timings } from './detector.js';
import type { WorkImage, WorkerReply, WorkerRequest } from './workerProtocol.js';

/** The worker script: next to this module once built; PEDLAB_INFERENCE_WORKER points elsewhere (tests run from source). */
export function inferenceWorkerUrl(): URL {
  const override = process.env.PEDLAB_INFERENCE_WORKER;
  return override ? pathToFileURL(override) : new URL('./inferenceWorker.js', import.meta.url);
}

export interface RunHandlers {
  onResult(imageId: number, detections: ImageDetection[], timings: Timings): void;
  onImageFailed(imageId: number, message: string): void;
}

export interface WorkerRun {
  /** Resolves when the worker has stopped: after the last image, or after the image in hand when cancelled. */
  finished: Promise<{ cancelled: boolean }>;
  cancel(): void;
}

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(err: Error): void;
  handlers?: RunHandlers;
}

function crashed(detail: string): Error {
  return new Error(
    `the inference worker stopped unexpectedly (${detail}); the results stored so far are kept, and running the model again continues from there`,
  );
}

/** One model's session in its own worker thread, driven by messages. */
export class ModelWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead: Error | null = null;

  constructor() {
    this.worker = new Worker(inferenceWorkerUrl());
    this.worker.on('message', (reply: WorkerReply) => this.receive(reply));
    this.worker.on('error', (err) => this.fail(crashed(err.message)));
    this.worker.on('exit', (code) => this.fail(crashed(`exit code ${code}`)));
  }

  /** False once the thread has stopped, by a crash or by close(); a dead worker is replaced, never reused. */
  get alive(): boolean {
    return this.dead === null;
  }

  private receive(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'result') return pending.handlers?.onResult(reply.imageId, reply.detections, reply.timings);
    if (reply.type === 'imageFailed') return pending.handlers?.onImageFailed(reply.imageId, reply.message);
    this.pending.delete(reply.id);
    if (reply.type === 'failed') pending.reject(reply.refused ? new PedlabError('model-refused', reply.message) : new Error(reply.message));
    else pending.resolve(reply);
  }

  private fail(err: Error): void {
    this.dead ??= err;
    for (const pending of this.pending.values()) pending.reject(err);
    this.pending.clear();
  }

  private send(request: WorkerRequest, pending: Omit<Pending, 'handlers'>, handlers?: RunHandlers): void {
    if (this.dead) return pending.reject(this.dead);
    this.pending.set(request.id, { ...pending, handlers });
    this.worker.postMessage(request);
  }

  /** Opens (or reopens) the model; refuses files that are not detectors Pedlab runs. */
  open(path: string, threads: number): Promise<DetectorInfo> {
    return new Promise((resolve, reject) => {
      this.send({ type: 'open', id: this.nextId++, path, threads }, { resolve: (r) => resolve((r as Extract<WorkerReply, { type: 'opened' }>).info), reject });
    });
  }

  /** Runs the open model over images, reporting each as it is done. */
  run(images: WorkImage[], settings: InferenceSettings, handlers: RunHandlers): WorkerRun {
    const id = this.nextId++;
    const finished = new Promise<{ cancelled: boolean }>((resolve, reject) => {
      this.send(
        { type: 'run', id, images, settings },
        { resolve: (r) => resolve({ cancelled: (r as Extract<WorkerReply, { type: 'finished' }>).cancelled }), reject },
        handlers,
      );
    });
    return { finished, cancel: () => !this.dead && this.worker.postMessage({ type: 'cancel', id } satisfies WorkerRequest) };
  }

  /** Box to mask: the mask the open model gives for each box of one image, in order (`options`: core's BOX_PROMPT). */
  boxMasks(image: WorkImage, boxes: Box[], settings: InferenceSettings, options?: BoxPromptOptions): Promise<BoxMask[]> {
    return new Promise((resolve, reject) => {
      this.send(
        { type: 'boxMasks', id: this.nextId++, image, boxes, settings, options },
        { resolve: (r) => resolve((r as Extract<WorkerReply, { type: 'boxMasks' }>).masks), reject },
      );
    });
  }

  async close(): Promise<void> {
    this.dead ??= new Error('the inference worker was closed');
    await this.worker.terminate();
  }
}
