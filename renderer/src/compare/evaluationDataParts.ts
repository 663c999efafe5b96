import type { Annotation, EvaluationData } from '../../../core/ipc/types.js';

/** Images per part: a part of 1,000 images is copied to a worker in a few milliseconds, well inside one frame. */
const IMAGES_PER_PART = 1_000;

/** Part of the project's evaluation data: some of its images with their ground truth, visibility and predictions. */
export type EvaluationDataPart = EvaluationData;

const cut = new WeakMap<EvaluationData, EvaluationDataPart[]>();

/**
 * The data cut by images into parts of at most 1,000 images; the categories go with every part. Cut once per
 * data: the live evaluation and the findings send the same parts.
 */
export function evaluationDataParts(data: EvaluationData): readonly EvaluationDataPart[] {
  let parts = cut.get(data);
  if (!parts) cut.set(data, (parts = cutByImages(data)));
  return parts;
}

/** The parts with one image's ground truth as the editor holds it now (the part holding it copied, the others shared). */
export function withLiveGroundTruth(
  parts: readonly EvaluationDataPart[],
  imageId: number | null,
  annotations: readonly Annotation[],
): readonly EvaluationDataPart[] {
  if (imageId === null) return parts;
  return parts.map((part) =>
    part.images.some((i) => i.id === imageId)
      ? { ...part, groundTruth: [...part.groundTruth.filter((a) => a.imageId !== imageId), ...annotations.filter((a) => a.imageId === imageId)] }
      : part,
  );
}

function cutByImages(data: EvaluationData): EvaluationDataPart[] {
  const partOf = new Map<number, number>();
  const parts: EvaluationDataPart[] = [];
  for (let start = 0; start === 0 || start < data.images.length; start += IMAGES_PER_PART) {
    const images = data.images.slice(start, start + IMAGES_PER_PART);
    for (const image of images) partOf.set(image.id, parts.length);
    parts.push({ images, categories: data.categories, groundTruth: [], visibility: {}, predictions: {} });
  }
  for (const a of data.groundTruth) {
    const part = parts[partOf.get(a.imageId) ?? 0];
    part.groundTruth.push(a);
    if (data.visibility[a.id] !== undefined) part.visibility[a.id] = data.visibility[a.id];
  }
  for (const [modelId, predictions] of Object.entries(data.predictions)) {
    for (const part of parts) part.predictions[Number(modelId)] = [];
    for (const p of predictions) parts[partOf.get(p.imageId) ?? 0].predictions[Number(modelId)].push(p);
  }
  return parts;
}

/** The data put back together from its parts, in their order. */
export function joinEvaluationData(parts: readonly EvaluationDataPart[]): EvaluationData {
  const data: EvaluationData = { images: [], categories: parts[0]?.categories ?? [], groundTruth: [], visibility: {}, predictions: {} };
  for (const part of parts) {
    append(data.images, part.images);
    append(data.groundTruth, part.groundTruth);
    Object.assign(data.visibility, part.visibility);
    for (const [modelId, predictions] of Object.entries(part.predictions)) append((data.predictions[Number(modelId)] ??= []), predictions);
  }
  return data;
}

/** Pushes one item at a time: spreading a part's 100,000 predictions into one call would overflow the stack. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Lets the UI thread handle input between two parts posted to a worker. */
export const yieldToInput = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
