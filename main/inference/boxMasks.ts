import { BOX_PROMPT, bestPromptMatch, boxInCrop, mirrorBox, promptCrop, type BoxPromptOptions, type CandidateDetection } from '../../core/detect/boxPrompt.js';
import type { TorchvisionSignature } from '../../core/detect/signature.js';
import type { InferenceSettings } from '../../core/detect/types.js';
import type { Box } from '../../core/geometry/box.js';
import type { BoxMask } from '../../core/ipc/types.js';
import { averageMirrored, pastePromptMask } from '../../core/masks/promptMask.js';
import { rleArea } from '../../core/masks/rle.js';
import { rleToCoco } from '../../core/masks/rleString.js';
import { decodeRgb, type ImageHeader } from '../imaging/decodeImage.js';
import { ModelRefusedError, type Detector } from './detector.js';
import { cropTensor, mirrorTensor } from './imageTensor.js';

const none = (reason: string): BoxMask => ({ mask: null, score: null, reason });

/** Why a model cannot turn boxes into masks, or null when it can. */
export function noMasksReason(kind: string): string | null {
  if (kind === 'yolox') return 'This model is a YOLOX detector: it gives boxes only, and box to mask needs a Mask R-CNN.';
  if (kind !== 'maskrcnn') return 'This model has no mask output: box to mask needs a Mask R-CNN.';
  return null;
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

/**
 * Box to mask, in the worker: the image is decoded once, then for each box the model runs on a crop around it
 * (the box with some context, resized so a small person is enlarged), the detection that best matches the box
 * is chosen, and its mask is pasted back into the image, clipped to the box.
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
  const refusal = noMasksReason(signature.kind);
  if (refusal || signature.kind !== 'maskrcnn') throw new ModelRefusedError(refusal!);
  const names = signature.outputs;
  const rgb = await decodeRgb(bytes, header);
  const results: BoxMask[] = [];
  for (const box of boxes) {
    const crop = promptCrop(box, header.width, header.height, options, signature.fixedSize);
    if (!crop) {
      results.push(none('The box lies outside the image.'));
      continue;
    }
    const tensor = await cropTensor(rgb, crop.region, crop.input);
    const prompt = boxInCrop(box, crop);
    const match = matchedMap(await detector.run(tensor), names, prompt, settings, options);
    if (match.probs === null) {
      results.push(
        none(
          match.bestIou > 0
            ? `The model found no person that fits this box (the closest overlaps it with IoU ${match.bestIou.toFixed(2)}).`
            : 'The model found no person in this box.',
        ),
      );
      continue;
    }
    let probs = match.probs;
    if (options.mirror) {
      const mirrored = matchedMap(await detector.run(mirrorTensor(tensor)), names, mirrorBox(prompt, tensor.width), settings, options);
      if (mirrored.probs && mirrored.mh === match.mh && mirrored.mw === match.mw) probs = averageMirrored(probs, mirrored.probs, match.mh, match.mw);
    }
    const { mh, mw } = match;
    const rle = pastePromptMask(probs, 0, mh, mw, crop, box, header.width, header.height, settings.maskThreshold);
    if (rleArea(rle) === 0) {
      results.push(none("The model's mask for this person has no pixels inside the box."));
      continue;
    }
    results.push({ mask: rleToCoco(rle), score: match.score, reason: null });
  }
  return results;
}
