import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseCocoGroundTruth, parseJsonText } from '../../../core/formats/cocoJson.js';
import type { Box } from '../../../core/geometry/box.js';
import { probeImage } from '../../imaging/probeImage.js';
import { InferenceService } from '../../inference/inferenceService.js';
import { MaskFill } from '../../inference/maskFill.js';
import { masksForImage, openMaskModel } from '../../inference/maskModel.js';
import { registerModelFile } from '../../inference/registerModel.js';
import { SessionPool } from '../../inference/sessionPool.js';
import { ProjectService } from '../../project/projectService.js';
import { findModel } from '../../report/reportSource.js';
import { READ_LIMITS, readBoundedFile } from '../../security/boundedRead.js';
import type { StoredModel } from '../../store/modelsRepository.js';
import { ProjectStore } from '../../store/projectStore.js';
import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';

const HELP = `usage: pedlab segment --model M.onnx --coco GT.json [--image-root DIR] --out OUT.json
       pedlab segment --project FOLDER --model M

Box to mask without a window: a Mask R-CNN gives the mask of the person in each box, as the app's M key does.

With --coco, every box annotation of GT.json (crowd regions aside) is a prompt, and OUT.json gets COCO results:
annotation_id (the prompt's id), image_id, category_id, bbox (the prompt's box), segmentation (RLE, string
counts) and score. Boxes the model finds no person for are left out and counted.

With --project, the boxes of FOLDER's project that have no mask get one, stored as the app's "masks for every
box without one" stores them (the mask, its area; the box stays).

  --model M          an ONNX Mask R-CNN file; with --project also a model of the project, by name, variant or id
  --coco FILE        the COCO ground truth whose boxes are the prompts
  --image-root DIR   the folder --coco's file_name paths start from (default: the file's folder)
  --out FILE         where to write the results (--coco)
  --project FOLDER   open FOLDER as the app does and fill its boxes' masks`;

interface SegmentResult {
  annotation_id: number;
  image_id: number | string;
  category_id: number;
  bbox: [number, number, number, number];
  segmentation: { size: [number, number]; counts: string };
  score: number;
}

/** Every box of a COCO file to a mask, written as COCO results. */
async function segmentCoco(model: string, coco: string, imageRoot: string, out: string): Promise<number> {
  const text = (await readBoundedFile(coco, READ_LIMITS.annotations)).toString('utf8');
  const gt = parseCocoGroundTruth(parseJsonText(text, coco), { segmentations: false });
  const store = ProjectStore.open(':memory:');
  const pool = new SessionPool();
  try {
    for (const c of gt.categories) store.categories.ensure(c.name);
    const registered = await registerModelFile(store, pool, { path: model });
    const opened = await openMaskModel(store, pool, registered.id);
    const prompts = new Map<number | string, (typeof gt.annotations)[number][]>();
    for (const a of gt.annotations) if (!a.iscrowd && a.bbox[2] > 0 && a.bbox[3] > 0) prompts.set(a.imageId, [...(prompts.get(a.imageId) ?? []), a]);
    const results: SegmentResult[] = [];
    let missed = 0;
    let done = 0;
    for (const image of gt.images) {
      const boxes = prompts.get(image.id);
      if (!boxes) continue;
      if (!image.fileName) throw new Error(`${coco}: image ${image.id} has no file_name`);
      const path = join(imageRoot, image.fileName);
      const probe = await probeImage(path);
      if (probe.error) throw new Error(`${path}: ${probe.error}`);
      const { sha256, width, height, orientation } = probe;
      store.images.upsert({ path, fileName: basename(path), sha256, width, height, orientation, error: null }, null);
      const stored = store.images.byPath(path)!;
      let found = 0;
      for (let i = 0; i < boxes.length; i += 64) {
        const chunk = boxes.slice(i, i + 64);
        const masks = await masksForImage(
          opened,
          stored,
          chunk.map((a) => [...a.bbox] as Box),
        );
        for (const [k, m] of masks.entries()) {
          if (!m.mask) {
            missed++;
            continue;
          }
          const a = chunk[k];
          results.push({
            annotation_id: a.id,
            image_id: a.imageId,
            category_id: a.categoryId,
            bbox: [...a.bbox] as Box,
            segmentation: m.mask,
            score: m.score!,
          });
          found++;
        }
      }
      console.error(`pedlab segment: ${++done}/${prompts.size} ${image.fileName}: ${found} of ${boxes.length} boxes have a mask`);
    }
    await writeFile(out, JSON.stringify(results));
    const total = results.length + missed;
    console.error(`pedlab segment: ${missed} of ${total} boxes got no mask (the model found no person that fits them); they are left out`);
    console.log(`${out}: ${results.length} masks for ${total} boxes on ${prompts.size} images`);
    return 0;
  } finally {
    await pool.close();
    store.close();
  }
}

/** A model file to register, or a model the project already has. */
async function projectModel(store: ProjectStore, inference: InferenceService, ref: string): Promise<StoredModel> {
  if (existsSync(ref)) return store.models.get((await inference.add({ path: resolve(ref) })).id)!;
  return findModel(store, ref);
}

/** Fills the masks of a project's boxes that have none, with the app's job. */
async function segmentProject(folder: string, ref: string): Promise<number> {
  const projects = new ProjectService();
  await projects.openFolder(folder);
  const inference = new InferenceService(projects);
  try {
    await inference.projectOpened();
    const model = await projectModel(projects.store, inference, ref);
    let images = 0;
    const job = new MaskFill({
      store: projects.store,
      pool: inference.pool,
      modelId: model.id,
      onImage: (fileName) => {
        const s = job.status(0);
        console.error(`pedlab segment: image ${++images}, ${fileName}: ${s.boxesDone}/${s.boxesTotal} boxes, ${s.filled} filled, ${s.missed} missed`);
      },
    });
    await job.settled;
    const s = job.status(0);
    if (s.state === 'failed') throw new Error(s.error ?? 'the job failed');
    if (s.error) console.error(`pedlab segment: some images were skipped (first: ${s.error})`);
    console.log(`${folder}: ${s.filled} of ${s.boxesTotal} boxes without a mask got one from ${model.name} (${s.missed} got none)`);
    return 0;
  } finally {
    await inference.close();
    projects.close();
  }
}

export const segmentCommand: Command = {
  summary: 'give boxes the masks a Mask R-CNN finds in them (COCO results, or a project)',
  async run(argv) {
    const parsed = parseCommand(
      'segment',
      argv,
      {
        model: { type: 'string' },
        coco: { type: 'string' },
        'image-root': { type: 'string' },
        out: { type: 'string' },
        project: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      HELP,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const problem = !values.model
      ? '--model is required'
      : positionals.length
        ? `unexpected argument "${positionals[0]}"`
        : values.project && values.coco
          ? 'give --coco or --project, not both'
          : values.project
            ? values.out || values['image-root']
              ? '--out and --image-root go with --coco, not --project'
              : null
            : !values.coco
              ? 'give --coco (with --out) or --project'
              : !values.out
                ? '--out is required with --coco'
                : null;
    if (problem) return usageError('segment', problem, HELP);
    if (values.project) return segmentProject(values.project, values.model!);
    return segmentCoco(values.model!, values.coco!, resolve(values['image-root'] ?? dirname(values.coco!)), resolve(values.out!));
  },
};
