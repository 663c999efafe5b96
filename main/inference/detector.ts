import { basename } from 'node:path';
import ort from 'onnxruntime-node';
import { EXPECTED_SIGNATURES, describeSignature, readSignature, type Signature, type ValueInfo } from '../../core/detect/signature.js';
import type { ImageDetection, InferenceSettings, RawDetection } from '../../core/detect/types.js';
import { decodeYolox } from '../../core/detect/yolox.js';
import type { ImageHeader } from '../imaging/decodeImage.js';
import { letterboxTensor, torchvisionTensor, type ImageTensor } from './imageTensor.js';
import { MaskEncoder } from './maskRle.js';
import { classNamesFrom, findExternalTensor, NestedTooDeepError, readOnnxMetadata } from './onnxMetadata.js';
import { openSession, providerOrder, type Provider } from './providers.js';
import { READ_LIMITS, readBoundedFile, readFailure } from '../security/boundedRead.js';

/** What Pedlab learned about a model file when it opened it. */
export interface DetectorInfo {
  signature: Signature;
  provider: string;
  threads: number;
  /** Class names stored in the file, if it has them. */
  classes: string[] | null;
  /** The variant label stored in the file by Pedlab's export script, if any. */
  variant: string | null;
}

/** A model file Pedlab will not run, with the reason in words. */
export class ModelRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelRefusedError';
  }
}

/** Where an image's time went in the worker; decoding overlaps the previous run, so only its wait shows. */
export interface Timings {
  /** Waiting for the image's tensor (reading and decoding not hidden behind the previous run). */
  waitMs: number;
  runMs: number;
  postMs: number;
}

function valueInfos(metadata: readonly ort.InferenceSession.ValueMetadata[]): ValueInfo[] {
  return metadata.map((m) => (m.isTensor ? { name: m.name, type: m.type, shape: [...m.shape] } : { name: m.name, type: 'non-tensor', shape: [] }));
}

const toXywh = (d: RawDetection): [number, number, number, number] => [d.box[0], d.box[1], d.box[2] - d.box[0], d.box[3] - d.box[1]];

/**
 * Refuses a model that keeps tensors in other files: given as bytes, ONNX Runtime would look for them relative to
 * the working directory, whatever folder the model came from.
 */
function refuseExternalData(name: string, bytes: Uint8Array): void {
  let external;
  try {
    external = findExternalTensor(bytes);
  } catch (err) {
    if (err instanceof NestedTooDeepError) throw new ModelRefusedError(`${name} is not a model Pedlab opens: ${err.message}.`);
    return; // Malformed: ONNX Runtime refuses it next, with its own reason.
  }
  if (external) {
    throw new ModelRefusedError(
      `${name} stores tensor "${external.tensor}" outside the file (in ${external.location}); Pedlab opens only self-contained models: export it again with the weights inside the file.`,
    );
  }
}

/** One ONNX detector: reads images into its input convention, runs the session and turns outputs into detections. */
export class Detector {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly info: DetectorInfo,
  ) {}

  static async open(path: string, threads: number, order: Provider[] = providerOrder()): Promise<Detector> {
    const name = basename(path);
    let bytes: Buffer;
    try {
      bytes = await readBoundedFile(path, READ_LIMITS.model);
    } catch (err) {
      throw new ModelRefusedError(`${name}: cannot read the file (${readFailure(err)})`);
    }
    if (bytes.length === 0) throw new ModelRefusedError(`${name} is empty (0 bytes), not an ONNX model.`);
    refuseExternalData(name, bytes);
    let opened;
    try {
      opened = await openSession(bytes, threads, order);
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).trim().replace(/\.$/, '');
      throw new ModelRefusedError(`${name} is not an ONNX model ONNX Runtime can open (${reason}).`);
    }
    const inputs = valueInfos(opened.session.inputMetadata);
    const outputs = valueInfos(opened.session.outputMetadata);
    const reading = readSignature(inputs, outputs);
    if (!reading.ok) {
      await opened.session.release();
      throw new ModelRefusedError(
        `${name} is not a detector Pedlab can run: ${reading.reason}. Found ${describeSignature(inputs, outputs)}. Expected ${EXPECTED_SIGNATURES}.`,
      );
    }
    let metadata;
    try {
      metadata = readOnnxMetadata(bytes);
    } catch {
      metadata = { producer: '', properties: {} };
    }
    return new Detector(opened.session, {
      signature: reading.signature,
      provider: opened.provider.label,
      threads,
      classes: classNamesFrom(metadata),
      variant: metadata.properties.pedlab_variant ?? null,
    });
  }

  /** Decodes an image file into this model's input; the decoding is under way when this returns. */
  prepare(bytes: Buffer, header: ImageHeader, settings: InferenceSettings): Promise<ImageTensor> {
    const s = this.info.signature;
    if (s.kind === 'yolox') return letterboxTensor(bytes, header, s.inputWidth, s.inputHeight);
    return torchvisionTensor(bytes, header, settings.maxSide, s.fixedSize);
  }

  /** The bare session run. */
  run(tensor: ImageTensor): Promise<ort.InferenceSession.OnnxValueMapType> {
    const s = this.info.signature;
    const batched = s.kind === 'yolox' || s.batched;
    const dims = batched ? [1, 3, tensor.height, tensor.width] : [3, tensor.height, tensor.width];
    return this.session.run({ [s.input]: new ort.Tensor('float32', tensor.data, dims) });
  }

  /** Outputs to detections in image pixels, with masks as COCO RLE. */
  detections(outputs: ort.InferenceSession.OnnxValueMapType, tensor: ImageTensor, settings: InferenceSettings): ImageDetection[] {
    const s = this.info.signature;
    const category = (c: number) => settings.classMap[c] ?? null;
    if (s.kind === 'yolox') {
      const out = outputs[s.output];
      const raw = decodeYolox(out.data as Float32Array, s.classCount + 5, {
        inputWidth: s.inputWidth,
        inputHeight: s.inputHeight,
        ratio: tensor.scaleX,
        imageWidth: tensor.imageWidth,
        imageHeight: tensor.imageHeight,
        scoreThreshold: settings.scoreThreshold,
        nmsThreshold: settings.nmsThreshold,
        maxDetections: settings.maxDetections,
        keepClass: (c) => category(c) !== null,
      });
      return raw.map((d) => ({ category: category(d.classIndex)!, classIndex: d.classIndex, score: d.score, bbox: toXywh(d), mask: null }));
    }
    const boxes = outputs[s.outputs.boxes].data as Float32Array;
    const labels = outputs[s.outputs.labels].data as BigInt64Array | Int32Array;
    const scores = outputs[s.outputs.scores].data as Float32Array;
    const masks = s.outputs.masks ? outputs[s.outputs.masks] : null;
    const encoder = masks ? new MaskEncoder(tensor.imageWidth, tensor.imageHeight, settings.maskThreshold) : null;
    const [mh, mw] = masks ? masks.dims.slice(-2) : [0, 0];
    const clip = (v: number, max: number) => Math.min(max, Math.max(0, v));
    const found: ImageDetection[] = [];
    for (let i = 0; i < scores.length && found.length < settings.maxDetections; i++) {
      const classIndex = Number(labels[i]);
      const name = category(classIndex);
      if (scores[i] < settings.scoreThreshold || name === null) continue;
      const x1 = clip(boxes[4 * i] / tensor.scaleX, tensor.imageWidth);
      const y1 = clip(boxes[4 * i + 1] / tensor.scaleY, tensor.imageHeight);
      const x2 = clip(boxes[4 * i + 2] / tensor.scaleX, tensor.imageWidth);
      const y2 = clip(boxes[4 * i + 3] / tensor.scaleY, tensor.imageHeight);
      found.push({
        category: name,
        classIndex,
        score: scores[i],
        bbox: [x1, y1, x2 - x1, y2 - y1],
        mask: encoder && masks ? encoder.encode(masks.data as Float32Array, i, mh, mw) : null,
      });
    }
    return found;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
