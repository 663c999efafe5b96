import { boxIou } from '../geometry/box.js';
import type { Box } from '../geometry/box.js';

/**
 * Box to mask: a Mask R-CNN is run on a crop around the user's box, and the detection that best matches the box
 * gives its mask. This file is the geometry of the crop and the choice of the detection.
 */

/** How a box prompt is cropped and matched. */
export interface BoxPromptOptions {
  /** Context added on each side of the box, as a fraction of its width (left, right) and height (top, bottom). */
  margin: number;
  /**
   * The crop's shorter side is widened (about the box's centre, inside the image) until the longer side is at
   * most this many times it: a tall person's crop gets more context either side, and is fed nearer the scale
   * people have in whole images.
   */
  maxAspect: number;
  /** The crop is resized so that its longer side has this many pixels before it is fed. */
  longSide: number;
  /** A detection matches the box only when their IoU is at least this. */
  minIou: number;
  /** Detections scoring below this are not considered (the box already says a person is there). */
  scoreFloor: number;
  /**
   * The mask's probabilities are guided-filtered with the image's grey levels before the threshold, so its edges
   * follow the picture's: the window's radius as a fraction of the box's longer side (0: no refinement).
   */
  refine: number;
  /** The guided filter's regulariser: the smaller, the weaker the image edges it follows. */
  refineEps: number;
  /**
   * The crop is also run mirrored left to right (models are trained with flipped images), and the two detections'
   * mask probabilities are averaged: twice the time, a steadier mask.
   */
  mirror: boolean;
  /**
   * How much the person's colours and the background's, learnt from the model's own mask inside the box, move
   * each pixel's probability (the weight of their log-ratio against the model's log-odds; 0: not at all).
   */
  colourPrior: number;
  /** Bins per colour channel of the colour histograms the colour prior learns. */
  colourBins: number;
}

export const BOX_PROMPT: BoxPromptOptions = {
  margin: 0.25,
  maxAspect: 1,
  longSide: 512,
  minIou: 0.3,
  scoreFloor: 0.01,
  refine: 0.02,
  refineEps: 0.001,
  mirror: true,
  colourPrior: 0.5,
  colourBins: 16,
};

/** The part of the image a prompt box is fed as, and the size it is fed at. */
export interface PromptCrop {
  /** Whole image pixels `[x, y, width, height]`, inside the image, never empty. */
  region: Box;
  /** The size the region is resized to: model input pixels = (image pixels − region's corner) · input / region. */
  input: { width: number; height: number };
}

/**
 * The crop for a prompt box: the box grown by the margin on each side, clipped to the image, out to whole pixels,
 * resized so its longer side is `longSide` (a small person is enlarged, which helps its mask), or to the size a
 * graph fixes. Null when the box does not overlap the image.
 */
export function promptCrop(
  box: Box,
  imageWidth: number,
  imageHeight: number,
  options: Pick<BoxPromptOptions, 'margin' | 'maxAspect' | 'longSide'> = BOX_PROMPT,
  fixed: { width: number; height: number } | null = null,
): PromptCrop | null {
  const [x, y, w, h] = box;
  if (!(w > 0 && h > 0) || x >= imageWidth || y >= imageHeight || x + w <= 0 || y + h <= 0) return null;
  let cw = w * (1 + 2 * options.margin);
  let ch = h * (1 + 2 * options.margin);
  cw = Math.max(cw, ch / options.maxAspect);
  ch = Math.max(ch, cw / options.maxAspect);
  const [x0, x1] = span(x + w / 2, cw, imageWidth);
  const [y0, y1] = span(y + h / 2, ch, imageHeight);
  const region: Box = [x0, y0, x1 - x0, y1 - y0];
  if (fixed) return { region, input: { ...fixed } };
  const s = options.longSide / Math.max(region[2], region[3]);
  return { region, input: { width: Math.max(1, Math.round(region[2] * s)), height: Math.max(1, Math.round(region[3] * s)) } };
}

/** Whole pixels [start, end) of a span of `size` about `centre`, moved inside [0, limit] where it fits and cut where not. */
function span(centre: number, size: number, limit: number): [number, number] {
  let start = Math.floor(centre - size / 2);
  let end = Math.ceil(centre + size / 2);
  if (start < 0) [start, end] = [0, end - start];
  if (end > limit) [start, end] = [start - (end - limit), limit];
  start = Math.max(0, start);
  return [start, Math.max(start + 1, end)];
}

/** An image box in the crop's model input pixels. */
export function boxInCrop([x, y, w, h]: Box, crop: PromptCrop): Box {
  const sx = crop.input.width / crop.region[2];
  const sy = crop.input.height / crop.region[3];
  return [(x - crop.region[0]) * sx, (y - crop.region[1]) * sy, w * sx, h * sy];
}

/** A box in an input `width` pixels wide, mirrored left to right. */
export function mirrorBox([x, y, w, h]: Box, width: number): Box {
  return [width - x - w, y, w, h];
}

/** A detection as the model gave it: corners `[x1, y1, x2, y2]` in its input pixels. */
export interface CandidateDetection {
  corners: ArrayLike<number>;
  score: number;
}

export type PromptMatch = { index: number; iou: number } | { index: null; bestIou: number };

/**
 * The detection whose box best matches the prompt box (both in the same pixels): the highest IoU among those
 * scoring at least the floor, if it reaches `minIou`; else none, with the best IoU seen (0 when nothing was found).
 */
export function bestPromptMatch(
  candidates: readonly (CandidateDetection | null)[],
  prompt: Box,
  options: Pick<BoxPromptOptions, 'minIou' | 'scoreFloor'> = BOX_PROMPT,
): PromptMatch {
  let best = -1;
  let bestIou = 0;
  for (const [i, c] of candidates.entries()) {
    if (!c || c.score < options.scoreFloor) continue;
    const [x1, y1, x2, y2] = [c.corners[0], c.corners[1], c.corners[2], c.corners[3]];
    const iou = boxIou([x1, y1, x2 - x1, y2 - y1], prompt);
    if (iou > bestIou || (iou === bestIou && best >= 0 && c.score > candidates[best]!.score)) {
      best = i;
      bestIou = iou;
    }
  }
  return best >= 0 && bestIou >= options.minIou ? { index: best, iou: bestIou } : { index: null, bestIou };
}
