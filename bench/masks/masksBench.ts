// Box to mask on Penn-Fudan's test split (--split train: the training split, where options are chosen): every
// labelled pedestrian's box (the tight extent of its true mask) is turned into a mask by each bundled model, one
// request per box as the app's M key sends it, through the app's worker (read, decode, crop, run, match, paste).
// Prints the mean mask IoU against the true masks (a box the model finds nothing for counts as 0) and the seconds
// per box, median and mean; asserts nothing.
//
//   node dist/bench/masks/masksBench.js [--model M.onnx]... [--threads N] [--margin F] [--max-aspect F] [--long-side N]
//                                       [--min-iou F] [--refine F] [--refine-eps F] [--mask-threshold F] [--limit N]
//                                       [--no-mirror] [--colour-prior F] [--colour-bins N] [--split test|train]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BOX_PROMPT, type BoxPromptOptions } from '../../core/detect/boxPrompt.js';
import { mapClasses } from '../../core/detect/classes.js';
import { instancesFromIndexMask } from '../../core/formats/pennFudan.js';
import { maskIou } from '../../core/masks/iou.js';
import { rleFromCoco } from '../../core/masks/rleString.js';
import { readIndexPng } from '../../main/importExport/indexPng.js';
import { ModelWorker } from '../../main/inference/inferenceWorkerClient.js';
import { bundledManifestPath, readManifest } from '../../main/inference/manifest.js';
import { defaultThreads } from '../../main/inference/modelSettings.js';
import { appRoot } from '../../main/version.js';
import { median } from '../median.js';

const PENN_FUDAN = join(appRoot(), '..', 'shared', 'data', 'PennFudanPed');

const { values } = parseArgs({
  options: {
    model: { type: 'string', multiple: true, default: [] },
    threads: { type: 'string' },
    margin: { type: 'string' },
    'max-aspect': { type: 'string' },
    'long-side': { type: 'string' },
    'min-iou': { type: 'string' },
    refine: { type: 'string' },
    'refine-eps': { type: 'string' },
    'mask-threshold': { type: 'string' },
    limit: { type: 'string' },
    split: { type: 'string', default: 'test' },
    'no-mirror': { type: 'boolean' },
    'colour-prior': { type: 'string' },
    'colour-bins': { type: 'string' },
  },
});

const options: BoxPromptOptions = {
  ...BOX_PROMPT,
  ...(values.margin ? { margin: Number(values.margin) } : {}),
  ...(values['max-aspect'] ? { maxAspect: Number(values['max-aspect']) } : {}),
  ...(values['long-side'] ? { longSide: Number(values['long-side']) } : {}),
  ...(values.refine ? { refine: Number(values.refine) } : {}),
  ...(values['refine-eps'] ? { refineEps: Number(values['refine-eps']) } : {}),
  ...(values['min-iou'] ? { minIou: Number(values['min-iou']) } : {}),
  ...(values['no-mirror'] ? { mirror: false } : {}),
  ...(values['colour-prior'] ? { colourPrior: Number(values['colour-prior']) } : {}),
  ...(values['colour-bins'] ? { colourBins: Number(values['colour-bins']) } : {}),
};
const split = values.split === 'train' ? 'train' : 'test';
const threads = values.threads ? Number(values.threads) : defaultThreads();

interface Person {
  image: string;
  box: [number, number, number, number];
  truth: ReturnType<typeof instancesFromIndexMask>[number]['mask'];
}

async function testPeople(): Promise<Person[]> {
  const names = (JSON.parse(readFileSync(join(PENN_FUDAN, 'split.json'), 'utf8')) as Record<'train' | 'test', string[]>)[split];
  const people: Person[] = [];
  for (const name of names) {
    const stem = name.replace(/\.png$/, '');
    const mask = await readIndexPng(join(PENN_FUDAN, 'PedMasks', `${stem}_mask.png`));
    for (const instance of instancesFromIndexMask(mask.values, mask.height, mask.width, 'coco')) {
      people.push({ image: join(PENN_FUDAN, 'PNGImages', `${stem}.png`), box: instance.bbox as Person['box'], truth: instance.mask });
    }
  }
  return values.limit ? people.slice(0, Number(values.limit)) : people;
}

async function bench(path: string, name: string, classes: string[], maskThreshold: number, people: Person[]): Promise<void> {
  const worker = new ModelWorker();
  try {
    await worker.open(path, threads);
    const settings = {
      scoreThreshold: 0.05,
      nmsThreshold: 0.45,
      maskThreshold,
      maxSide: null,
      maxDetections: 100,
      classMap: mapClasses(classes, ['pedestrian']),
    };
    // One warm-up request, not counted: the first run of a session allocates its buffers.
    await worker.boxMasks({ imageId: 0, path: people[0].image }, [people[0].box], settings, options);
    const seconds: number[] = [];
    const ious: number[] = [];
    let missed = 0;
    for (const [i, person] of people.entries()) {
      const started = performance.now();
      const [found] = await worker.boxMasks({ imageId: i, path: person.image }, [person.box], settings, options);
      seconds.push((performance.now() - started) / 1000);
      if (!found.mask) missed++;
      ious.push(found.mask ? maskIou(rleFromCoco(found.mask.size, found.mask.counts), person.truth, false) : 0);
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    console.log(
      `${name.padEnd(28)} mean mask IoU ${mean(ious).toFixed(3)} (median ${median(ious).toFixed(3)}, ${missed} of ${people.length} boxes without a mask)` +
        `  s/box median ${median(seconds).toFixed(3)} mean ${mean(seconds).toFixed(3)}`,
    );
  } finally {
    await worker.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(PENN_FUDAN, 'split.json'))) {
    console.log(`skipping: ${PENN_FUDAN} is not there (../shared is absent), and the bench needs Penn-Fudan's test split`);
    return;
  }
  const bundled = readManifest(bundledManifestPath()).filter((m) => existsSync(m.path));
  const models = values.model.length
    ? values.model.map((path) => ({ path, name: path, classes: ['background', 'pedestrian'], mask: 0.5 }))
    : bundled.map((m) => ({ path: m.path, name: m.entry.variant || m.entry.name, classes: m.entry.classes, mask: m.settings.maskThreshold }));
  if (models.length === 0) {
    console.log('skipping: no bundled model file is in models/');
    return;
  }
  const people = await testPeople();
  console.log(
    `box to mask on Penn-Fudan ${split}: ${people.length} boxes, ${threads} threads, margin ${options.margin}, aspect ≤ ${options.maxAspect}, long side ${options.longSide} px, ` +
      `min IoU ${options.minIou}, score floor ${options.scoreFloor}, refined: ${options.refine ? `radius ${options.refine} of the box, eps ${options.refineEps}` : 'no'}, mirrored too: ${options.mirror ? 'yes' : 'no'}, ` +
      `colour prior: ${options.colourPrior ? `weight ${options.colourPrior}, ${options.colourBins} bins a channel` : 'no'}`,
  );
  for (const m of models) {
    const threshold = values['mask-threshold'] ? Number(values['mask-threshold']) : m.mask;
    await bench(m.path, `${m.name} (mask > ${threshold})`, m.classes, threshold, people);
  }
}

await main();
