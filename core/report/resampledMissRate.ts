import type { BootstrapMetric } from '../compare/bootstrap.js';
import type { MissRateInput } from '../compare/modelDiagnostics.js';
import { matchImage, type DetectionOutcome, type ImageMatch } from '../eval/missRate/imageMatching.js';
import { missRateCurve } from '../eval/missRate/missRateCurve.js';
import { MISS_RATE_SETUPS, PEDESTRIAN_CATEGORY_ID, type MissRateSetupName } from '../eval/missRate/setups.js';
import { compareImageIds, type ImageId } from '../eval/types.js';

/** One model's matched detections over the project, pooled in the order the evaluator walks them. */
interface PooledMatches {
  /** Per run of entries of one image with one score: the bootstrap index of its image and its entries. */
  readonly runs: readonly { image: number; scores: number[]; outcomes: DetectionOutcome[] }[];
  /** Per bootstrap index, the ground truths its image asks to find. */
  readonly groundTruths: Int32Array;
}

function pooled(input: MissRateInput, setup: MissRateSetupName, order: ReadonlyMap<ImageId, number>): PooledMatches {
  const byImage = <T extends { imageId: ImageId; categoryId: number }>(items: readonly T[]) => {
    const out = new Map<ImageId, T[]>();
    for (const item of items) if (item.categoryId === PEDESTRIAN_CATEGORY_ID) out.set(item.imageId, [...(out.get(item.imageId) ?? []), item]);
    return out;
  };
  const gts = byImage(input.groundTruth.annotations);
  const dts = byImage(input.detections);
  const rules = MISS_RATE_SETUPS.find((s) => s.name === setup)!;
  const groundTruths = new Int32Array(order.size);
  const entries: { image: number; score: number; outcome: DetectionOutcome }[] = [];
  for (const id of [...new Set(input.groundTruth.imageIds)].sort(compareImageIds)) {
    const [g, d] = [gts.get(id) ?? [], dts.get(id) ?? []];
    if (g.length === 0 && d.length === 0) continue;
    const image = order.get(id);
    if (image === undefined) throw new Error(`image ${JSON.stringify(id)} is not among the bootstrap's`);
    const match: ImageMatch = matchImage(g, d, rules);
    groundTruths[image] = match.groundTruths;
    match.scores.forEach((score, k) => entries.push({ image, score, outcome: match.outcomes[k] }));
  }
  entries.sort((a, b) => b.score - a.score);
  const runs: PooledMatches['runs'][number][] = [];
  for (const e of entries) {
    const last = runs[runs.length - 1];
    if (last && last.image === e.image && last.scores[last.scores.length - 1] === e.score) {
      last.scores.push(e.score);
      last.outcomes.push(e.outcome);
    } else runs.push({ image: e.image, scores: [e.score], outcomes: [e.outcome] });
  }
  return { runs, groundTruths };
}

/** MR⁻² of a multiset of images: NaN when none of them holds a pedestrian to find. */
function logAverageMissRate(p: PooledMatches, multiplicity: Uint32Array): number {
  let groundTruths = 0;
  p.groundTruths.forEach((g, i) => (groundTruths += g * multiplicity[i]));
  if (groundTruths === 0) return NaN;
  const scores: number[] = [];
  const outcomes: DetectionOutcome[] = [];
  for (const run of p.runs) {
    for (let c = multiplicity[run.image]; c > 0; c--) {
      scores.push(...run.scores);
      outcomes.push(...run.outcomes);
    }
  }
  // Already in the evaluator's order, so its stable sort keeps it.
  const pooledMatch: ImageMatch = { scores, outcomes, groundTruths, ignoredGroundTruths: 0 };
  return missRateCurve([pooledMatch], groundTruths, multiplicity.length).logAverageMissRate;
}

/**
 * MR⁻² of one setup as a metric for the paired bootstrap. A resample counting image i w times is the miss-rate
 * evaluation of a set holding w copies of it: each copy matched as the original was, the pooled detections
 * ordered by score with ties in image order (copies next to each other), FPPI over as many images as were drawn.
 * The matching is done once; a resample only re-walks the pooled runs. `imageIds`: the bootstrap's images in
 * its order; with every image once the value is the evaluator's own.
 */
export function resampledMissRate(name: string, setup: MissRateSetupName, a: MissRateInput, b: MissRateInput, imageIds: readonly ImageId[]): BootstrapMetric {
  const order = new Map(imageIds.map((id, i) => [id, i]));
  const models = { a: pooled(a, setup, order), b: pooled(b, setup, order) };
  return { name, higherIsBetter: false, value: (model, multiplicity) => logAverageMissRate(models[model], multiplicity) };
}
