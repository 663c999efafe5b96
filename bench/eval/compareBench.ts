// Times the comparison of two models on a synthetic set of 5,000 images (about 4 people each, 15% of them
// cyclists, 2% crowd regions; one detector finding 70% with up to 3 false alarms per image, the other 90%
// with up to 2): pairing the evaluations, the person-by-person diff, a 1,000-resample paired bootstrap,
// the label-error triage, and each model's error breakdowns (TIDE, miss rate). Prints medians; asserts nothing.
import { performance } from 'node:perf_hooks';
import { abDiff } from '../../core/compare/abDiff.js';
import { pairedBootstrap } from '../../core/compare/bootstrap.js';
import { labelErrors } from '../../core/compare/labelErrors.js';
import { operatingPoints } from '../../core/compare/operatingPoints.js';
import { evaluatePair } from '../../core/compare/pairedImages.js';
import { evaluateMissRate } from '../../core/eval/missRate/missRateEval.js';
import { tideBreakdown } from '../../core/eval/tide/tideErrors.js';
import { median } from '../median.js';
import { syntheticPair } from './syntheticPair.js';

const IMAGES = 5000;
const set = syntheticPair(
  20240601,
  IMAGES,
  4,
  { recall: 0.7, jitter: 0.2, falseAlarms: 3, scorePlaces: 3 },
  { recall: 0.9, jitter: 0.1, falseAlarms: 2, scorePlaces: 3 },
);
console.log(`synthetic set: ${IMAGES} images, ${set.groundTruth.groundTruth.length} ground truths, ` + `${set.a.length} detections of A, ${set.b.length} of B`);

function timed<T>(runs: number, work: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value: T | undefined;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    value = work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value: value! };
}
const row = (label: string, ms: number, extra = '') => console.log(`${label.padEnd(64)} median ${`${ms.toFixed(ms < 100 ? 1 : 0)} ms`.padStart(9)}${extra}`);

const pair = timed(3, () => evaluatePair(set.groundTruth, set.a, set.b));
row('both evaluations and their per-image results (pairing)', pair.ms);
const { images } = pair.value;
const params = pair.value.a.params;
const diff = timed(5, () => abDiff(images, { iouThrs: params.iouThrs, iouThr: 0.5, scoreThreshold: 0.3 }));
const p = diff.value.instances;
row('A/B diff, person by person (IoU 0.5, score 0.3)', diff.ms, `   both ${p.both}, A only ${p.aOnly}, B only ${p.bOnly}, neither ${p.neither}`);
const a = images.map((im) => im.a.result);
const b = images.map((im) => im.b.result);
const boot = timed(3, () => pairedBootstrap(a, b, params, { resamples: 1000, seed: 1 }));
const [ap] = boot.value.metrics;
row(
  'paired bootstrap, 1000 resamples, AP/AP50/AR100 of both models',
  boot.ms,
  `   ΔAP ${ap.value!.toFixed(4)} [${ap.ci95!.map((v) => v.toFixed(4)).join(', ')}]`,
);
row('  per resample (both models)', boot.ms / 1000);
const triage = timed(5, () => labelErrors(images));
row('label-error triage', triage.ms, `   ${triage.value.length} cases`);
const points = timed(5, () => operatingPoints(pair.value.a.prCurve({ iouThr: 0.5 }), IMAGES));
row('operating points of one model (curve included)', points.ms);
const tide = timed(3, () => tideBreakdown({ images: set.groundTruth.images, groundTruth: set.groundTruth.groundTruth, detections: set.a }));
row('TIDE error breakdown of one model (bbox)', tide.ms, `   ΔLoc ${tide.value.mainErrors.loc.toFixed(4)}, ΔMiss ${tide.value.mainErrors.miss.toFixed(4)}`);
// The miss rate scores category 1 (the set's pedestrians) with each box's height and full visibility.
const pedestrians = {
  imageIds: set.groundTruth.images.map((i) => i.id),
  annotations: set.groundTruth.groundTruth.map((g) => ({
    id: g.id,
    imageId: g.imageId,
    categoryId: g.categoryId,
    bbox: g.bbox,
    height: g.bbox[3],
    visibility: 1,
    ignore: g.iscrowd,
  })),
};
const missRate = timed(3, () => evaluateMissRate(pedestrians, set.a));
row('miss rate MR⁻², four setups, one model', missRate.ms, `   Reasonable ${missRate.value.reasonable.logAverageMissRate?.toFixed(4)}`);
