import { stat, writeFile } from 'node:fs/promises';
import { READ_LIMITS, readBoundedFile } from '../../security/boundedRead.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { toCocoResult, type CocoResult } from '../../../core/detect/cocoResults.js';
import { parseCocoGroundTruth, parseJsonText } from '../../../core/formats/cocoJson.js';
import { probeImage } from '../../imaging/probeImage.js';
import { defaultThreads, predictionKey } from '../../inference/modelSettings.js';
import { ProjectRun } from '../../inference/projectRun.js';
import { registerModelFile } from '../../inference/registerModel.js';
import { SessionPool } from '../../inference/sessionPool.js';
import { DEFAULT_CATEGORY, ProjectService } from '../../project/projectService.js';
import { listImageFiles } from '../../project/scanFolder.js';
import type { StoredModel } from '../../store/modelsRepository.js';
import { ProjectStore } from '../../store/projectStore.js';
import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';

const HELP = `usage: pedlab infer --model M.onnx [--model N.onnx] --images DIR|FILE... --out RESULTS.json
       pedlab infer --model M.onnx --coco GT.json [--image-root DIR] --out RESULTS.json
       options: [--project FOLDER] [--threads N] [--max-side N] [--score-threshold T]

Runs ONNX detectors over images without a window, through the same pipeline as the app, and writes COCO
results: image_id, category_id, bbox [x,y,w,h] in image pixels, score, and segmentation (RLE, string counts)
for models with masks.

  --model FILE          an ONNX detector; repeat for several, each then writes RESULTS.<model>.json
  --images DIR|FILE...  images, or folders of them; ids are 1, 2, … in the order given (folders by name)
  --coco FILE           run on the images a COCO ground-truth file lists, with its image and category ids
  --image-root DIR      the folder --coco's file_name paths start from (default: the file's folder)
  --project FOLDER      open FOLDER as the app does and store the predictions in its project, using the
                        project's image ids; with neither --images nor --coco, runs on all its images
  --out FILE            where to write the results
  --threads N           ONNX Runtime threads (default: every core)
  --max-side N          shrink larger images to this longer side before a torchvision model sees them
  --score-threshold T   keep detections scoring at least T (default 0.05)`;

interface Target {
  path: string;
  /** The id written to the results. */
  outputId: number | string;
}

interface Job {
  store: ProjectStore;
  targets: Target[];
  /** Output category id by the store's category id. */
  categoryIds: Map<number, number>;
  close(): void;
}

function number(value: string | undefined, name: string, check: (v: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new Error(`${name} must be a valid number, got "${value}"`);
  return n;
}

async function expandImages(items: string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const item of items) {
    const abs = resolve(item);
    const info = await stat(abs).catch(() => null);
    if (!info) throw new Error(`no such image or folder: ${abs}`);
    paths.push(...(info.isDirectory() ? await listImageFiles(abs) : [abs]));
  }
  if (paths.length === 0) throw new Error('no PNG or JPEG images found');
  return paths;
}

/** The images to run and the store that keeps their predictions: the project's, or one in memory. */
async function prepareJob(values: { images: string[]; coco?: string; 'image-root'?: string; project?: string }): Promise<Job> {
  const gt = values.coco
    ? parseCocoGroundTruth(parseJsonText((await readBoundedFile(values.coco, READ_LIMITS.annotations)).toString('utf8'), values.coco), { segmentations: false })
    : null;
  const root = resolve(values['image-root'] ?? (values.coco ? dirname(values.coco) : '.'));
  const wanted: { path: string; cocoId?: number | string }[] = gt
    ? gt.images.map((image) => {
        if (!image.fileName) throw new Error(`${values.coco}: image ${image.id} has no file_name`);
        return { path: join(root, image.fileName), cocoId: image.id };
      })
    : values.images.length
      ? (await expandImages(values.images)).map((path) => ({ path }))
      : [];

  const projects = values.project ? new ProjectService() : null;
  if (projects) await projects.openFolder(values.project!);
  const store = projects ? projects.store : ProjectStore.open(':memory:');
  const close = () => (projects ? projects.close() : store.close());
  try {
    for (const name of gt ? gt.categories.map((c) => c.name) : [DEFAULT_CATEGORY]) store.categories.ensure(name);
    const targets: Target[] = [];
    if (projects && wanted.length === 0) {
      for (const image of store.images.all()) if (!image.error) targets.push({ path: image.path, outputId: image.id });
    }
    for (const [i, want] of wanted.entries()) {
      const known = store.images.byPath(want.path);
      if (projects && !known) throw new Error(`${want.path} is not an image of the project ${values.project}`);
      const probe = known ? null : await probeImage(want.path);
      if (probe?.error) throw new Error(`${want.path}: ${probe.error}`);
      if (probe) {
        const fields = {
          path: want.path,
          fileName: basename(want.path),
          sha256: probe.sha256,
          width: probe.width,
          height: probe.height,
          orientation: probe.orientation,
          error: null,
        };
        store.images.upsert(fields, null);
      }
      targets.push({ path: want.path, outputId: want.cocoId ?? (projects ? known!.id : i + 1) });
    }
    const byName = new Map(gt?.categories.map((c) => [c.name, c.id]));
    const categoryIds = new Map(store.categories.all().map((c) => [c.id, byName.get(c.name) ?? c.id]));
    return { store, targets, categoryIds, close };
  } catch (err) {
    close();
    throw err;
  }
}

async function runModel(job: Job, model: StoredModel, pool: SessionPool, threads: number): Promise<CocoResult[]> {
  const images = job.targets.map((t) => ({ target: t, image: job.store.images.byPath(t.path)! }));
  const run = new ProjectRun({ store: job.store, modelId: model.id, threads, pool, imageIds: new Set(images.map((i) => i.image.id)) });
  const progress = setInterval(() => {
    const s = run.status();
    const rate = s.imagesPerSecond ? `, ${s.imagesPerSecond.toFixed(1)} images/s` : '';
    console.error(`pedlab infer: ${model.name}: ${s.done}/${s.total}${rate}`);
  }, 2000);
  await run.settled;
  clearInterval(progress);
  const status = run.status();
  if (status.state === 'failed') throw new Error(`${model.name}: ${status.error}`);
  console.error(
    `pedlab infer: ${model.name} (${model.variant}) on ${status.provider}: ${status.done} images, ${status.cached} from the cache` +
      (status.failed ? `, ${status.failed} failed (first: ${status.error})` : ''),
  );
  const results: CocoResult[] = [];
  for (const { target, image } of images) {
    for (const p of job.store.predictions.get(await predictionKey(job.store, model, image.sha256!))) {
      results.push(toCocoResult(target.outputId, job.categoryIds.get(p.categoryId) ?? p.categoryId, p));
    }
  }
  return results;
}

/** RESULTS.json for one model; RESULTS.<name>.json for each of several. */
function outputPath(out: string, model: StoredModel, several: boolean): string {
  if (!several) return out;
  const ext = extname(out) || '.json';
  const stem = out.slice(0, out.length - extname(out).length);
  return `${stem}.${(model.name || model.variant).replace(/[^A-Za-z0-9_.-]+/g, '-')}${ext}`;
}

export const inferCommand: Command = {
  summary: 'run ONNX detectors over images and write COCO results',
  async run(argv) {
    const parsed = parseCommand(
      'infer',
      argv,
      {
        model: { type: 'string', multiple: true, default: [] },
        images: { type: 'string', multiple: true, default: [] },
        coco: { type: 'string' },
        'image-root': { type: 'string' },
        project: { type: 'string' },
        out: { type: 'string' },
        threads: { type: 'string' },
        'max-side': { type: 'string' },
        'score-threshold': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      HELP,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const images = [...values.images, ...positionals];
    const problem =
      values.model.length === 0
        ? '--model is required'
        : !values.out
          ? '--out is required'
          : values.coco && images.length
            ? 'give --images or --coco, not both'
            : !values.coco && !images.length && !values.project
              ? 'give --images, --coco or --project'
              : null;
    if (problem) return usageError('infer', problem, HELP);
    let threads: number, maxSide: number | undefined, scoreThreshold: number | undefined;
    try {
      threads = number(values.threads, '--threads', (v) => Number.isInteger(v) && v > 0) ?? defaultThreads();
      maxSide = number(values['max-side'], '--max-side', (v) => Number.isInteger(v) && v > 0);
      scoreThreshold = number(values['score-threshold'], '--score-threshold', (v) => v >= 0 && v <= 1);
    } catch (err) {
      return usageError('infer', (err as Error).message, HELP);
    }
    const settings = { ...(maxSide ? { maxSide } : {}), ...(scoreThreshold !== undefined ? { scoreThreshold } : {}) };

    const job = await prepareJob({ ...values, images });
    const pool = new SessionPool();
    try {
      for (const path of values.model) {
        const model = await registerModelFile(job.store, pool, { path, settings });
        const results = await runModel(job, model, pool, threads);
        const file = outputPath(resolve(values.out!), model, values.model.length > 1);
        await writeFile(file, JSON.stringify(results));
        console.log(`${file}: ${results.length} detections on ${job.targets.length} images`);
      }
    } finally {
      await pool.close();
      job.close();
    }
    return 0;
  },
};
