import type { ImageDetection, InferenceSettings } from '../../core/detect/types.js';
import type { BoxPromptOptions } from '../../core/detect/boxPrompt.js';
import type { Box } from '../../core/geometry/box.js';
import type { BoxMask } from '../../core/ipc/types.js';
import type { DetectorInfo, Timings } from './detector.js';

export interface WorkImage {
  imageId: number;
  path: string;
}

/** Messages the main thread sends an inference worker. */
export type WorkerRequest =
  | { type: 'open'; id: number; path: string; threads: number }
  | { type: 'run'; id: number; images: WorkImage[]; settings: InferenceSettings }
  /** Box to mask: one image, decoded once, and the mask the model gives for each box. */
  | { type: 'boxMasks'; id: number; image: WorkImage; boxes: Box[]; settings: InferenceSettings; options?: BoxPromptOptions }
  | { type: 'cancel'; id: number };

/** Messages an inference worker sends back; `id` is the request's. */
export type WorkerReply =
  | { type: 'opened'; id: number; info: DetectorInfo }
  | { type: 'result'; id: number; imageId: number; detections: ImageDetection[]; timings: Timings }
  | { type: 'imageFailed'; id: number; imageId: number; message: string }
  | { type: 'finished'; id: number; cancelled: boolean }
  | { type: 'boxMasks'; id: number; masks: BoxMask[] }
  | { type: 'failed'; id: number; message: string; refused: boolean };
