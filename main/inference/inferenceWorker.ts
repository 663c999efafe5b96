import { READ_LIMITS, readBoundedFile } from '../security/boundedRead.js';
import { parentPort } from 'node:worker_threads';
import type { InferenceSettings } from '../../core/detect/types.js';
import { describeDecodeError } from '../imaging/probeImage.js';
import { boxMasks } from './boxMasks.js';
import { Detector, ModelRefusedError } from './detector.js';
import { readHeader, type ImageHeader } from '../imaging/decodeImage.js';
import type { ImageTensor } from './imageTensor.js';
import type { WorkImage, WorkerReply, WorkerRequest } from './workerProtocol.js';

/**
 * The worker thread that owns one ONNX Runtime session. `session.run` holds this thread until it returns, so
 * the next image's decoding is handed to libvips before each run starts and proceeds on its threads meanwhile;
 * each image's detections are posted as soon as they are ready.
 */
const port = parentPort!;
let detector: Detector | null = null;
const cancelled = new Set<number>();

const post = (reply: WorkerReply) => port.postMessage(reply);

type Prepared = { ok: true; tensor: ImageTensor } | { ok: false; message: string };
type Loaded = { ok: true; bytes: Buffer; header: ImageHeader } | { ok: false; message: string };

const failed = (err: unknown) => ({ ok: false as const, message: describeDecodeError(err) });

/** Reads a file and its header: cheap, and started two images ahead so it is done when needed. */
async function load(image: WorkImage): Promise<Loaded> {
  try {
    const bytes = await readBoundedFile(image.path, READ_LIMITS.image);
    return { ok: true, bytes, header: await readHeader(bytes) };
  } catch (err) {
    return failed(err);
  }
}

/** Starts decoding a loaded image; libvips works on it from this call on. */
function decode(loaded: Loaded, settings: InferenceSettings): Promise<Prepared> {
  if (!loaded.ok) return Promise.resolve(loaded);
  return detector!.prepare(loaded.bytes, loaded.header, settings).then((tensor): Prepared => ({ ok: true, tensor }), failed);
}

async function run(id: number, images: WorkImage[], settings: InferenceSettings): Promise<void> {
  const loads = images.slice(0, 2).map(load);
  let next = images.length ? decode(await loads[0], settings) : null;
  for (let i = 0; i < images.length && !cancelled.has(id); i++) {
    const waiting = performance.now();
    const prepared = await next!;
    const waitMs = performance.now() - waiting;
    if (i + 2 < images.length) loads.push(load(images[i + 2]));
    next = i + 1 < images.length ? decode(await loads[i + 1], settings) : null;
    const imageId = images[i].imageId;
    if (!prepared.ok) {
      post({ type: 'imageFailed', id, imageId, message: prepared.message });
      continue;
    }
    try {
      const started = performance.now();
      const outputs = await detector!.run(prepared.tensor);
      const ran = performance.now();
      const detections = detector!.detections(outputs, prepared.tensor, settings);
      const timings = { waitMs, runMs: ran - started, postMs: performance.now() - ran };
      post({ type: 'result', id, imageId, detections, timings });
    } catch (err) {
      post({ type: 'imageFailed', id, imageId, message: err instanceof Error ? err.message : String(err) });
    }
  }
  await next;
  post({ type: 'finished', id, cancelled: cancelled.delete(id) });
}

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  try {
    if (request.type === 'open') {
      await detector?.release();
      detector = null;
      detector = await Detector.open(request.path, request.threads);
      post({ type: 'opened', id: request.id, info: detector.info });
    } else if (!detector) {
      throw new Error('no model is open in this worker');
    } else if (request.type === 'boxMasks') {
      const loaded = await load(request.image);
      if (!loaded.ok) throw new Error(loaded.message);
      const masks = await boxMasks(detector, loaded.bytes, loaded.header, request.boxes, request.settings, request.options);
      post({ type: 'boxMasks', id: request.id, masks });
    } else {
      await run(request.id, request.images, request.settings);
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    post({ type: 'failed', id: request.id, message, refused: err instanceof ModelRefusedError });
  }
}

port.on('message', (request: WorkerRequest) => void handle(request));
