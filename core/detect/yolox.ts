import { nms } from './nms.js';
import type { RawDetection } from './types.js';

export const YOLOX_STRIDES = [8, 16, 32] as const;
export const LETTERBOX_PAD = 114;

/** The anchor points a YOLOX head has for an input size: one per cell of each stride's grid. */
export function yoloxAnchorCount(inputWidth: number, inputHeight: number, strides: readonly number[] = YOLOX_STRIDES): number {
  return strides.reduce((n, s) => n + Math.floor(inputWidth / s) * Math.floor(inputHeight / s), 0);
}

/** YOLOX's letterbox: the image scaled by `ratio` (aspect kept) to `width` × `height`, placed top-left, padded. */
export function letterbox(imageWidth: number, imageHeight: number, inputWidth: number, inputHeight: number) {
  const ratio = Math.min(inputWidth / imageWidth, inputHeight / imageHeight);
  return {
    ratio,
    width: Math.max(1, Math.min(inputWidth, Math.floor(imageWidth * ratio))),
    height: Math.max(1, Math.min(inputHeight, Math.floor(imageHeight * ratio))),
  };
}

export interface YoloxDecodeOptions {
  inputWidth: number;
  inputHeight: number;
  /** The letterbox ratio: input pixels per image pixel. */
  ratio: number;
  imageWidth: number;
  imageHeight: number;
  scoreThreshold: number;
  nmsThreshold: number;
  maxDetections: number;
  /** Classes to decode; the others are skipped before NMS. */
  keepClass(classIndex: number): boolean;
  strides?: readonly number[];
}

/**
 * Decodes a raw YOLOX head output (rows of [dx, dy, log w, log h, objectness, class scores…], one row per grid
 * cell, stride by stride) into boxes in image pixels: centre = (d + cell) · stride, size = exp(log size) · stride,
 * score = objectness · class score, per-class NMS, then undoing the letterbox and clipping to the image.
 */
export function decodeYolox(output: ArrayLike<number>, rowLength: number, options: YoloxDecodeOptions): RawDetection[] {
  const classCount = rowLength - 5;
  const kept: number[] = [];
  for (let c = 0; c < classCount; c++) if (options.keepClass(c)) kept.push(c);
  const candidates: RawDetection[] = [];
  let row = 0;
  for (const stride of options.strides ?? YOLOX_STRIDES) {
    const cols = Math.floor(options.inputWidth / stride);
    const rows = Math.floor(options.inputHeight / stride);
    for (let gy = 0; gy < rows; gy++) {
      for (let gx = 0; gx < cols; gx++, row++) {
        const o = row * rowLength;
        const objectness = output[o + 4];
        if (objectness < options.scoreThreshold) continue;
        for (const c of kept) {
          const score = objectness * output[o + 5 + c];
          if (score < options.scoreThreshold) continue;
          const cx = (output[o] + gx) * stride;
          const cy = (output[o + 1] + gy) * stride;
          const w = Math.exp(output[o + 2]) * stride;
          const h = Math.exp(output[o + 3]) * stride;
          candidates.push({ box: [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], score, classIndex: c });
        }
      }
    }
  }
  const { ratio, imageWidth, imageHeight } = options;
  const clip = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return nms(candidates, options.nmsThreshold, options.maxDetections).map((d) => ({
    ...d,
    box: [clip(d.box[0] / ratio, imageWidth), clip(d.box[1] / ratio, imageHeight), clip(d.box[2] / ratio, imageWidth), clip(d.box[3] / ratio, imageHeight)],
  }));
}
