// Times each detector two ways on the same images and threads: the bare ONNX Runtime session.run on a ready
// tensor, and the whole pipeline as the app runs it in its worker (read, decode, tensor, run, boxes, masks to
// RLE). Prints medians in ms per image and their ratio; asserts nothing.
//
//   node dist/bench/inference/inferenceBench.js [--model M.onnx]... [--images DIR] [--threads N] [--repeat N]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { defaultClasses, mapClasses } from '../../core/detect/classes.js';
import type { InferenceSettings } from '../../core/detect/types.js';
import { Detector } from '../../main/inference/detector.js';
import { readHeader } from '../../main/imaging/decodeImage.js';
import { readManifest, bundledManifestPath } from '../../main/inference/manifest.js';
import { ModelWorker } from '../../main/inference/inferenceWorkerClient.js';
import { listImageFiles } from '../../main/project/scanFolder.js';
import { appRoot } from '../../main/version.js';
import { median } from '../median.js';

const SHARED = join(appRoot(), '..', 'shared');

function defaultModels(): string[] {
  const bundled = readManifest(bundledManifestPath())
    .map((m) => m.path)
    .filter(existsSync);
  const thirdParty = ['yolox_nano/yolox_nano.onnx', 'light_person_detector/model.onnx'].map((f) => join(SHARED, 'models', 'third_party', f));
  return [...bundled, ...thirdParty.filter(existsSync)];
}

/** Penn-Fudan's test split when ../shared is there, else the bundled sample frames. */
async function defaultImages(count: number): Promise<string[]> {
  const split = join(SHARED, 'data', 'PennFudanPed', 'split.json');
  if (existsSync(split)) {
    const test = (JSON.parse(readFileSync(split, 'utf8')) as { test: string[] }).test;
    return test.slice(0, count).map((name) => join(SHARED, 'data', 'PennFudanPed', 'PNGImages', name.endsWith('.png') ? name : `${name}.png`));
  }
  return (await listImageFiles(join(appRoot(), 'samples', 'vtest'))).slice(0, count);
}

/** Bare session.run on ready tensors, and, for reference, decoding alone (read, header, decode, tensor). */
const PYTHON = '/usr/bin/python3';

/** How torch_eager.py can build the same model in PyTorch, if it can: Pedlab's test models, or a bundled variant's checkpoint. */
function eagerSpec(path: string): string[] | null {
  const name = basename(path, '.onnx');
  if (/^models-[0-9a-f]+$/.test(basename(dirname(path))) && (name === 'maskrcnn' || name === 'fasterrcnn')) return ['--test-model', name];
  const variant = readManifest(bundledManifestPath()).find((m) => m.path === path)?.entry.variant;
  const checkpoints = variant && join(homedir(), '.cache', 'pedlab', 'checkpoints', variant);
  if (checkpoints && existsSync(checkpoints) && readdirSync(checkpoints).some((f) => f.startsWith('final_fp16.pt'))) return ['--variant', variant];
  return null;
}

function eagerMs(spec: string[], images: string[], threads: number, repeat: number): number | null {
  const script = join(appRoot(), 'bench', 'inference', 'torch_eager.py');
  const run = spawnSync(PYTHON, [script, ...spec, '--threads', String(threads), '--repeat', String(repeat), ...images], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`torch eager: ${(run.stderr || run.error?.message || '').trim().split('\n').pop()}`);
    return null;
  }
  return (JSON.parse(run.stdout.trim().split('\n').pop()!) as { median_ms: number }).median_ms;
}

interface Samples {
  /** Bare session.run on a ready tensor, in this thread. */
  bare: number[];
  /** Reading and decoding one image into a tensor, alone. */
  decode: number[];
  /** The whole pipeline in the app's worker: the wall time between consecutive results (decoding overlaps runs). */
  pipeline: number[];
  wait: number[];
  run: number[];
  post: number[];
}

/** Alternates bare passes and pipeline passes over the images, so both see the same load on the machine. */
async function measure(path: string, images: string[], settings: InferenceSettings, threads: number, repeat: number): Promise<Samples> {
  const samples: Samples = { bare: [], decode: [], pipeline: [], wait: [], run: [], post: [] };
  const detector = await Detector.open(path, threads);
  const tensors = [];
  for (const image of images) {
    const started = performance.now();
    const bytes = readFileSync(image);
    tensors.push(await detector.prepare(bytes, await readHeader(bytes), settings));
    samples.decode.push(performance.now() - started);
  }
  const worker = new ModelWorker();
  await worker.open(path, threads);
  const list = images.map((p, imageId) => ({ imageId, path: p }));
  const quiet = { onResult: () => undefined, onImageFailed: (id: number, message: string) => console.error(`${images[id]}: ${message}`) };
  await worker.run(list.slice(0, 1), settings, quiet).finished;
  await detector.run(tensors[0]);
  for (let r = 0; r < repeat; r++) {
    for (const tensor of tensors) {
      const started = performance.now();
      await detector.run(tensor);
      samples.bare.push(performance.now() - started);
    }
    let last = performance.now();
    await worker.run(list, settings, {
      ...quiet,
      onResult: (_id, _d, t) => {
        const now = performance.now();
        samples.pipeline.push(now - last);
        last = now;
        samples.wait.push(t.waitMs);
        samples.run.push(t.runMs);
        samples.post.push(t.postMs);
      },
    }).finished;
  }
  await worker.close();
  await detector.release();
  return samples;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', multiple: true, default: [] },
      images: { type: 'string' },
      count: { type: 'string', default: '10' },
      threads: { type: 'string' },
      repeat: { type: 'string', default: '3' },
    },
  });
  const models = values.model.length ? values.model : defaultModels();
  const images = values.images ? (await listImageFiles(values.images)).slice(0, Number(values.count)) : await defaultImages(Number(values.count));
  const threads = values.threads ? Number(values.threads) : availableParallelism();
  const repeat = Number(values.repeat);
  if (models.length === 0) throw new Error('no models: give --model, or add models/manifest.json or ../shared');
  console.log(`${images.length} images (${basename(images[0])} …), ${threads} threads, ${repeat} passes, CPU provider order as the app's`);
  const torch = spawnSync(PYTHON, ['-c', 'import torch, torchvision'], { encoding: 'utf8' }).status === 0;
  if (!torch) console.log(`(no PyTorch comparison: ${PYTHON} cannot import torch and torchvision)`);
  console.log('ratio: pipeline / bare run, both wall time; in worker: (wait + run + post) / run inside the worker, which other load on the machine skews less');
  console.log(
    'model                         bare run ms   pipeline ms   ratio   in worker   decode alone   worker wait/run/post   torch eager   pipeline/eager',
  );
  for (const path of models) {
    const probe = await Detector.open(path, 1);
    const { signature } = probe.info;
    await probe.release();
    const classes = probe.info.classes ?? defaultClasses(signature.kind, signature.kind === 'yolox' ? signature.classCount : undefined);
    const settings: InferenceSettings = {
      scoreThreshold: 0.05,
      nmsThreshold: 0.45,
      maskThreshold: 0.5,
      maxSide: null,
      maxDetections: 100,
      classMap: mapClasses(classes, ['pedestrian']),
    };
    const samples = await measure(path, images, settings, threads, repeat);
    const bare = median(samples.bare);
    const pipeline = median(samples.pipeline);
    const name = `${basename(path)} (${signature.kind})`.padEnd(30);
    const detail = `${median(samples.wait).toFixed(1)} / ${median(samples.run).toFixed(1)} / ${median(samples.post).toFixed(1)}`;
    const inWorker = (median(samples.wait) + median(samples.run) + median(samples.post)) / median(samples.run);
    const figures = `${bare.toFixed(1).padStart(11)}${pipeline.toFixed(1).padStart(14)}${(pipeline / bare).toFixed(2).padStart(8)}${inWorker.toFixed(3).padStart(12)}`;
    const spec = torch ? eagerSpec(path) : null;
    const eager = spec ? eagerMs(spec, images, threads, repeat) : null;
    const versus = eager ? `${eager.toFixed(1).padStart(14)}${(pipeline / eager).toFixed(2).padStart(17)}` : `${'—'.padStart(14)}${'—'.padStart(17)}`;
    console.log(`${name}${figures}${median(samples.decode).toFixed(1).padStart(15)}   ${detail.padEnd(21)}${versus}`);
  }
}

await main();
