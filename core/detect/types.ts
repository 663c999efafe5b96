/** What detectors produce and how a run is configured; shared by main, the CLI and the renderer. */

/** The kinds of ONNX detector Pedlab runs, and `imported` for predictions read from a COCO results file. */
export type ModelKind = 'maskrcnn' | 'fasterrcnn' | 'yolox' | 'imported';

/** A compressed COCO RLE mask, `size = [height, width]`. */
export interface CocoRle {
  size: [number, number];
  counts: string;
}

/** One detection in image pixels, COCO style. */
export interface ImageDetection {
  /** The project category the model's class maps onto. */
  category: string;
  /** The model's own class index. */
  classIndex: number;
  score: number;
  /** [x, y, w, h] in image pixels. */
  bbox: [number, number, number, number];
  mask: CocoRle | null;
}

/** Everything that changes what a model outputs for an image; its hash keys the prediction cache. */
export interface InferenceSettings {
  /** Detections scoring below this are not kept. */
  scoreThreshold: number;
  /** IoU above which NMS suppresses a box (one-stage detectors only). */
  nmsThreshold: number;
  /** Mask probability at or above which a pixel is foreground. */
  maskThreshold: number;
  /** The image is shrunk so its longer side is at most this many pixels before it is fed; null feeds it whole. */
  maxSide: number | null;
  maxDetections: number;
  /** For each model class index, the project category it counts as, or null to drop it. */
  classMap: (string | null)[];
}

/** A box as [x1, y1, x2, y2]. */
export type Corners = [number, number, number, number];

/** A detection before it is mapped to a category, in some pixel space. */
export interface RawDetection {
  box: Corners;
  score: number;
  classIndex: number;
}

/** A model's own settings, kept with it in the project. */
export interface ModelSettings {
  scoreThreshold: number;
  /** Predictions below this score are stored (they count in AP) but not drawn. */
  displayThreshold: number;
  nmsThreshold: number;
  maskThreshold: number;
  maxSide: number | null;
  maxDetections: number;
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  scoreThreshold: 0.05,
  displayThreshold: 0.5,
  nmsThreshold: 0.45,
  maskThreshold: 0.5,
  maxSide: null,
  maxDetections: 100,
};
