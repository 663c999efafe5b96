import { yoloxAnchorCount } from './yolox.js';
import type { ModelKind } from './types.js';

/** An input or output as ONNX Runtime reports it: symbolic dimensions are strings. */
export interface ValueInfo {
  name: string;
  type: string;
  shape: readonly (number | string)[];
}

export interface TorchvisionSignature {
  kind: 'maskrcnn' | 'fasterrcnn';
  input: string;
  /** The input is [1, 3, H, W] rather than [3, H, W]. */
  batched: boolean;
  /** The size the input must have, when the graph fixes it; otherwise any size is fed. */
  fixedSize: { width: number; height: number } | null;
  outputs: { boxes: string; labels: string; scores: string; masks: string | null };
}

export interface YoloxSignature {
  kind: 'yolox';
  input: string;
  output: string;
  inputWidth: number;
  inputHeight: number;
  classCount: number;
}

export type Signature = TorchvisionSignature | YoloxSignature;

export type SignatureReading = { ok: true; signature: Signature } | { ok: false; reason: string };

export const EXPECTED_SIGNATURES = [
  'a torchvision Mask R-CNN: input float32 [3,H,W] (or [1,3,H,W]) RGB 0..1; outputs boxes [N,4], labels [N], scores [N], masks [N,1,H,W]',
  'a torchvision Faster R-CNN: the same without masks',
  'a YOLOX-style detector: input float32 [1,3,H,W] BGR 0..255; one output float32 [1,N,5+C]',
].join('; or ');

export function describeValue(v: ValueInfo): string {
  return `${v.name} ${v.type} [${v.shape.join(',')}]`;
}

/** "inputs …; outputs …", for messages that refuse a model. */
export function describeSignature(inputs: readonly ValueInfo[], outputs: readonly ValueInfo[]): string {
  const list = (values: readonly ValueInfo[]) => (values.length ? values.map(describeValue).join(', ') : 'none');
  return `inputs ${list(inputs)}; outputs ${list(outputs)}`;
}

const isNum = (d: number | string | undefined): d is number => typeof d === 'number' && d > 0;

/** A 3-channel float image input, [3,H,W] or [1,3,H,W]; null if it is not one. */
function imageInput(input: ValueInfo): { batched: boolean; height: number | string; width: number | string } | null {
  if (input.type !== 'float32') return null;
  const s = input.shape;
  if (s.length === 3 && s[0] === 3) return { batched: false, height: s[1], width: s[2] };
  if (s.length === 4 && (s[0] === 1 || typeof s[0] === 'string') && s[1] === 3) return { batched: true, height: s[2], width: s[3] };
  return null;
}

function readTorchvision(input: ValueInfo, outputs: readonly ValueInfo[]): SignatureReading | null {
  const byName = new Map(outputs.map((o) => [o.name, o]));
  const boxes = byName.get('boxes');
  const labels = byName.get('labels');
  const scores = byName.get('scores');
  if (!boxes || !labels || !scores) return null;
  const masks = byName.get('masks') ?? null;
  const image = imageInput(input);
  if (!image) return { ok: false, reason: `its outputs are torchvision's but input ${describeValue(input)} is not a float32 [3,H,W] or [1,3,H,W] image` };
  if (boxes.type !== 'float32' || scores.type !== 'float32' || (masks && masks.type !== 'float32')) {
    return { ok: false, reason: 'boxes, scores and masks must be float32' };
  }
  if (labels.type !== 'int64' && labels.type !== 'int32') return { ok: false, reason: `labels must be integers, not ${labels.type}` };
  return {
    ok: true,
    signature: {
      kind: masks ? 'maskrcnn' : 'fasterrcnn',
      input: input.name,
      batched: image.batched,
      fixedSize: isNum(image.width) && isNum(image.height) ? { width: image.width, height: image.height } : null,
      outputs: { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: masks ? 'masks' : null },
    },
  };
}

function readYolox(input: ValueInfo, outputs: readonly ValueInfo[]): SignatureReading | null {
  if (outputs.length !== 1) return null;
  const [output] = outputs;
  const s = output.shape;
  if (output.type !== 'float32' || s.length !== 3 || !isNum(s[2]) || s[2] < 6) return null;
  const image = imageInput(input);
  if (!image || !image.batched) return null;
  if (!isNum(image.width) || !isNum(image.height)) {
    return { ok: false, reason: `a YOLOX-style input needs a fixed size, but ${describeValue(input)} leaves it open` };
  }
  const anchors = yoloxAnchorCount(image.width, image.height);
  if (isNum(s[1]) && s[1] !== anchors) {
    return { ok: false, reason: `a YOLOX head for ${image.width}×${image.height} has ${anchors} rows (strides 8, 16, 32), but ${output.name} has ${s[1]}` };
  }
  return {
    ok: true,
    signature: { kind: 'yolox', input: input.name, output: output.name, inputWidth: image.width, inputHeight: image.height, classCount: s[2] - 5 },
  };
}

/** Recognises what kind of detector a model is from its inputs and outputs alone. */
export function readSignature(inputs: readonly ValueInfo[], outputs: readonly ValueInfo[]): SignatureReading {
  if (inputs.length !== 1) return { ok: false, reason: `it has ${inputs.length} inputs, and Pedlab feeds exactly one image` };
  return readTorchvision(inputs[0], outputs) ?? readYolox(inputs[0], outputs) ?? { ok: false, reason: 'its outputs match no detector Pedlab knows' };
}

export function kindLabel(kind: ModelKind): string {
  return kind === 'maskrcnn' ? 'Mask R-CNN' : kind === 'fasterrcnn' ? 'Faster R-CNN' : 'YOLOX';
}
