import { BOX_PROMPT, bestPromptMatch, boxInCrop, mirrorBox, promptCrop, type BoxPromptOptions, type CandidateDetection } from '../../core/detect/boxPrompt.js';
import type { TorchvisionSignature } from '../../core/detect/signature.js';
import type { InferenceSettings } from '../../core/detect/types.js';
import type { Box } from '../../core/geometry/box.js';
import type { BoxMask } from '../../core/ipc/types.js';
import { guidedFilter } from '../../core/masks/guidedFilter.js';
import { boxPixels, mirrorRows, promptProbabilities, thresholdInBox, type BoxPixels } from '../../core/masks/promptMask.js';
import { rleArea } from '../../core/masks/rle.js';
import { rleToCoco } from '../../core/masks/rleString.js';
import { decodeRgb, type ImageHeader, type RgbImage } from '../imaging/decodeImage.js';
import { ModelRefusedError, type Detector } from './detector.js';
import { cropTensor } from './imageTensor.js';
import { colourPrior } from '../../core/masks/colourPrior.js';
import { kindGivesMasks } from '../../core/masks/boxToMask.js';

const none = (reason: string): BoxMask => ({ mask: null, score: null, reason });

/** Why a model cannot turn boxes into masks, or null when it can. */
export function noMasksReason(kind: string): string | null {
  if (kind === 'yolox') return 'This model is a YOLOX detector: it gives boxes only, and box to mask needs a Mask R-CNN.';
  if (!kindGivesMasks(kind)) return 'This model has no mask output: box to mask needs a Mask R-CNN.';
  return null;
}

/** The image's R, G and B (0..1) over the pixels inside a box, column-major: the guide that refines a mask's edges. */
function coloursInBox(rgb: RgbImage, { x0, x1, y0, y1 }: BoxPixels): [Float32Array, Float32Array, Float32Array] {
  const bh = y1 - y0 + 1;
  const n = (x1 - x0 + 1) * bh;
  const planes: [Float32Array, Float32Array, Float32Array] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const p = 3 * (y * rgb.width + x);
      const i = (x - x0) * bh + y - y0;
      for (let c = 0; c < 3; c++) planes[c][i] = rgb.pixels[p + c] / 255;
    }
  }
  return planes;
}

/** The mask probability map of the detection that best matches the prompt (in the run's input pixels), or why none does. */
type Matched = { probs: Float32Array; mh: number; mw: number; score: number } | { probs: null; bestIou: number };

function matchedMap(
  outputs: Awaited<ReturnType<Detector['run']>>,
  names: TorchvisionSignature['outputs'],
  prompt: Box,
  settings: InferenceSettings,
  options: BoxPromptOptions,
): Matched {
  const corners = outputs[names.boxes].data as Float32Array;
  const labels = outputs[names.labels].data as BigInt64Array | Int32Array;
  const scores = outputs[names.scores].data as Float32Array;
  const masks = outputs[names.masks!];
  const candidates: (CandidateDetection | null)[] = [];
  for (let i = 0; i < scores.length; i++) {
    const person = (settings.classMap[Number(labels[i])] ?? null) !== null;
    candidates.push(person ? { corners: corners.subarray(4 * i, 4 * i + 4), score: scores[i] } : null);
  }
  const match = bestPromptMatch(candidates, prompt, options);
  if (match.index === null) return { probs: null, bestIou: match.bestIou };
  const [mh, mw] = masks.dims.slice(-2);
  const probs = (masks.data as Float32Array).subarray(match.index * mh * mw, (match.index + 1) * mh * mw);
  return { probs, mh, mw, score: scores[match.index] };
}

/** What the model says for one box: its probabilities over the box's pixels and the score, or why it says nothing. */
type BoxReading = { values: Float32Array; score: number } | { values: null; reason: string };

async function readBox(
  detector: Detector,
  names: TorchvisionSignature['outputs'],
  rgb: RgbImage,
  box: Box,
  inside: BoxPixels,
  settings: InferenceSettings,
  options: BoxPromptOptions,
  fixed: { width: number; height: number } | null,
): Promise<BoxReading> {
  const crop = promptCrop(box, rgb.width, rgb.height, options, fixed)!;
  const tensor = await cropTensor(rgb, crop.region, crop.input);
  const prompt = boxInCrop(box, crop);
  const match = matchedMap(await detector.run(tensor), names, prompt, settings, options);
  if (match.probs === null) {
    const reason =
      match.bestIou > 0
        ? `The model found no person that fits this box (the closest overlaps it with IoU ${match.bestIou.toFixed(2)}).`
        : 'The model found no person in this box.';
    return { values: null, reason };
  }
  let probs = match.probs;
  if (options.mirror) {
    const mirroredInput = { ...tensor, data: mirrorRows(tensor.data, tensor.width) };
    const mirrored = matchedMap(await detector.run(mirroredInput), names, mirrorBox(prompt, tensor.width), settings, options);
    if (mirrored.probs && mirrored.mh === match.mh && mirrored.mw === match.mw) {
      const back = mirrorRows(mirrored.probs, match.mw);
      probs = probs.map((p, i) => (p + back[i]) / 2);
    }
  }
  return { values: promptProbabilities(probs, 0, match.mh, match.mw, crop, inside), score: match.score };
}

/**
 * Box to mask, in the worker: the image is decoded once, then for each box the model runs on a crop around it
 * (the box with some context, squared, resized so a small person is enlarged) and on its mirror image, the
 * detection that best matches the box is chosen in each, their mask probabilities are averaged, brought back into
 * the image inside the box, moved towards the person's colours and away from the background's, their edges
 * refined along the picture's, and thresholded.
 */
export async function boxMasks(
  detector: Detector,
  bytes: Buffer,
  header: ImageHeader,
  boxes: readonly Box[],
  settings: InferenceSettings,
  options: BoxPromptOptions = BOX_PROMPT,
): Promise<BoxMask[]> {
  const signature = detector.info.signature;
  if (signature.kind !== 'maskrcnn') throw new ModelRefusedError(noMasksReason(signature.kind)!);
  const rgb = await decodeRgb(bytes, header);
  const results: BoxMask[] = [];
  for (const box of boxes) {
    const inside = promptCrop(box, header.width, header.height, options) && boxPixels(box, header.width, header.height);
    if (!inside) {
      results.push(none('The box lies outside the image.'));
      continue;
    }
    const reading = await readBox(detector, signature.outputs, rgb, box, inside, settings, options, signature.fixedSize);
    if (reading.values === null) {
      results.push(none(reading.reason));
      continue;
    }
    let values = reading.values;
    const colours = coloursInBox(rgb, inside);
    if (options.colourPrior > 0) values = colourPrior(colours, values, options.colourPrior, options.colourBins);
    if (options.refine > 0) {
      const [bw, bh] = [inside.x1 - inside.x0 + 1, inside.y1 - inside.y0 + 1];
      const radius = Math.max(1, Math.round(options.refine * Math.max(bw, bh)));
      values = guidedFilter(colours, values, bh, bw, radius, options.refineEps);
    }
    const rle = thresholdInBox(values, inside, header.width, header.height, settings.maskThreshold);
    if (rleArea(rle) === 0) {
      results.push(none("The model's mask for this person has no pixels inside the box."));
      continue;
    }
    results.push({ mask: rleToCoco(rle), score: reading.score, reason: null });
  }
  return results;
}
