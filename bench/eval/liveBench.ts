// Times the compare view's live evaluation. On synthetic projects (5,000 and 10,000 images, about three people an
// image): the first evaluation built in a worker (how long the main thread is blocked while it runs, at most, with
// the input posted to it 1,000 images at a time), then per edit, both ways the evaluation can live: on the main thread (the state handed
// back) or kept in the worker, each edit a round trip. The aims: first evaluation of 10,000 images blocking the main
// thread ≤ 50 ms at a time; one ground-truth edit → 12 stats ≤ 5 ms at 5,000 images; one image's 100 detections
// replaced ≤ 16 ms. With GT.json RESULTS.json (the 50 Penn-Fudan test images and a model's results, see
// models/README.md), also one box moved there, bbox and segm. Prints medians; asserts nothing.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { CocoEvaluator, type EvalInput } from '../../core/eval/cocoEval.js';
import type { Detection, GroundTruth, ImageId } from '../../core/eval/types.js';
import { parseCocoGroundTruth, parseCocoResults, parseJsonText } from '../../core/formats/cocoJson.js';
import { median } from '../median.js';
import type { LiveReply, LiveRequest } from './liveEvaluationWorker.js';
import { syntheticPair } from './syntheticPair.js';

const EDITS = 200;
const DETECTOR = { recall: 0.85, jitter: 0.15, falseAlarms: 4, scorePlaces: 2 };

/** The edit number i of one image's ground truth: its first box moved 40 px and back, so that its match flips. */
function movedGroundTruth(own: readonly GroundTruth[], i: number): GroundTruth[] {
  return own.map((a, k) => (k === 0 ? { ...a, bbox: [a.bbox[0] + (i % 2) * 40, a.bbox[1], a.bbox[2], a.bbox[3]] } : a));
}

/** 100 detections for one image, other scores and places on each edit i. */
function hundredDetections(imageId: ImageId, i: number): Detection[] {
  return Array.from({ length: 100 }, (_, k) => {
    const bbox: [number, number, number, number] = [(k * 6 + i) % 580, (k * 13) % 300, 20 + (k % 40), 60 + (k % 80)];
    return { id: 10_000_000 + k, imageId, categoryId: 1 + (k % 2), score: ((k * 37 + i) % 100) / 100, bbox, area: bbox[2] * bbox[3] };
  });
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const spread = (times: number[]) => `median ${ms(median(times))} (max ${ms(Math.max(...times))})`;

/** The longest stretch the calling thread was blocked while `run` was awaited, sampled by a 1 ms timer. */
async function longestBlock(run: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  await run();
  longest = Math.max(longest, performance.now() - Math.max(last, start));
  clearInterval(timer);
  return longest;
}

/** Images per message when the input is posted to the worker. */
const PART = 1000;

class LiveWorker {
  private readonly worker = new Worker(new URL('./liveEvaluationWorker.js', import.meta.url));

  ask(request: LiveRequest): Promise<LiveReply> {
    return new Promise((resolve) => {
      this.worker.once('message', resolve);
      this.worker.postMessage(request);
    });
  }

  /** Posts the input a part at a time, letting the thread run between parts, then asks for the evaluation. */
  async build(input: EvalInput): Promise<LiveReply> {
    const byImage = <T extends { imageId: ImageId }>(anns: readonly T[]) => {
      const out = new Map<ImageId, T[]>();
      for (const a of anns) out.set(a.imageId, [...(out.get(a.imageId) ?? []), a]);
      return out;
    };
    const gts = byImage(input.groundTruth);
    const dts = byImage(input.detections);
    for (let i = 0; i < input.images.length; i += PART) {
      const images = input.images.slice(i, i + PART);
      const part: EvalInput = {
        images,
        categories: input.categories,
        groundTruth: images.flatMap((img) => gts.get(img.id) ?? []),
        detections: images.flatMap((img) => dts.get(img.id) ?? []),
      };
      this.worker.postMessage({ kind: 'part', input: part } satisfies LiveRequest);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return this.ask({ kind: 'build' });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

async function synthetic(images: number): Promise<void> {
  const pair = syntheticPair(1, images, 2, DETECTOR, DETECTOR);
  const input: EvalInput = { ...pair.groundTruth, detections: pair.a };
  const label = `${images} images, ${input.groundTruth.length} ground truths, ${input.detections.length} detections`;

  const t0 = performance.now();
  const here = new CocoEvaluator(input, { iouType: 'bbox' });
  here.stats();
  const inThread = performance.now() - t0;

  const worker = new LiveWorker();
  await worker.build({ images: [], categories: input.categories, groundTruth: [], detections: [] });
  let built: LiveReply | null = null;
  const t1 = performance.now();
  const blocked = await longestBlock(async () => {
    built = await worker.build(input);
  });
  const inWorker = performance.now() - t1;
  console.log(
    `live, ${label}: first evaluation (12 stats) ${ms(inThread)} on the calling thread; in a worker ${ms(inWorker)} ` +
      `(${ms(built!.workerMs)} of it in the worker), the main thread blocked at most ${ms(blocked)} at a time (aim ≤ 50 ms at 10,000 images)`,
  );

  const imageId = input.images.find((img) => input.groundTruth.some((g) => g.imageId === img.id))!.id;
  const own = input.groundTruth.filter((g) => g.imageId === imageId);
  const edits: Record<'gtHere' | 'gtWorker' | 'dtHere' | 'dtWorker', number[]> = { gtHere: [], gtWorker: [], dtHere: [], dtWorker: [] };
  for (let i = 0; i < EDITS; i++) {
    const moved = movedGroundTruth(own, i);
    let t = performance.now();
    here.setGroundTruth(imageId, moved);
    here.stats();
    edits.gtHere.push(performance.now() - t);
    t = performance.now();
    await worker.ask({ kind: 'groundTruth', imageId, groundTruth: moved });
    edits.gtWorker.push(performance.now() - t);

    const detections = hundredDetections(imageId, i);
    t = performance.now();
    here.setDetections(imageId, detections);
    here.stats();
    edits.dtHere.push(performance.now() - t);
    t = performance.now();
    await worker.ask({ kind: 'detections', imageId, detections });
    edits.dtWorker.push(performance.now() - t);
  }
  await worker.stop();
  console.log(
    `live, ${label}: one image's ground truth changed → 12 stats: on the thread holding the evaluation ${spread(edits.gtHere)}, ` +
      `as a round trip to the worker keeping it ${spread(edits.gtWorker)} (aim ≤ 5 ms at 5,000 images)`,
  );
  console.log(
    `live, ${label}: one image's 100 detections replaced → 12 stats: on the thread holding the evaluation ${spread(edits.dtHere)}, ` +
      `as a round trip to the worker keeping it ${spread(edits.dtWorker)} (aim ≤ 16 ms)`,
  );
}

function pennFudan(gtPath: string, dtPath: string): void {
  const gt = parseCocoGroundTruth(parseJsonText(readFileSync(gtPath, 'utf8'), gtPath));
  const detections = parseCocoResults(parseJsonText(readFileSync(dtPath, 'utf8'), dtPath), gt);
  const input = { images: gt.images, categories: gt.categories, groundTruth: gt.annotations, detections };
  for (const iouType of ['bbox', 'segm'] as const) {
    const ev = new CocoEvaluator(input, { iouType });
    ev.stats();
    const imageId = gt.images[0].id;
    const own = gt.annotations.filter((a) => a.imageId === imageId);
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const moved = movedGroundTruth(own, i);
      const t0 = performance.now();
      ev.setGroundTruth(imageId, moved);
      ev.stats();
      times.push(performance.now() - t0);
    }
    console.log(
      `live ${iouType}: ${gt.images.length} images, ${gt.annotations.length} ground truths, ${detections.length} detections: ` +
        `one image's ground truth changed → 12 stats in ${spread(times)}`,
    );
  }
}

const [gtPath, dtPath] = process.argv.slice(2);
if ((gtPath === undefined) !== (dtPath === undefined)) {
  console.error('usage: node dist/bench/eval/liveBench.js [GT.json RESULTS.json]');
  process.exit(2);
}
for (const images of [5000, 10000]) await synthetic(images);
if (gtPath && dtPath) pennFudan(gtPath, dtPath);
