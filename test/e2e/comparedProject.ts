import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { callApi, startApp, stopApp, type RunningApp } from './fixtures.js';

/** A COCO ground truth as the compare specs write it. */
export interface GroundTruthJson {
  images: { id: number; file_name: string; width: number; height: number }[];
  categories: { id: number; name: string }[];
  annotations: object[];
}

type Box = [number, number, number, number];

/** Ground truth of `count` 400×300 frames f1.png, f2.png, …: a pedestrian per [image id, box], with ids in that order. */
export function pedestrianGroundTruth(count: number, people: readonly (readonly [number, Box])[]): GroundTruthJson {
  return {
    images: Array.from({ length: count }, (_, k) => ({ id: k + 1, file_name: `f${k + 1}.png`, width: 400, height: 300 })),
    categories: [{ id: 1, name: 'pedestrian' }],
    annotations: people.map(([imageId, bbox], k) => ({ id: k + 1, image_id: imageId, category_id: 1, bbox, area: bbox[2] * bbox[3], iscrowd: 0 })),
  };
}

/** COCO results: a pedestrian per [image id, box, score]. */
export const pedestrianResults = (found: readonly (readonly [number, Box, number])[]) =>
  found.map(([imageId, bbox, score]) => ({ image_id: imageId, category_id: 1, bbox, score }));

export interface ComparedProject {
  app: RunningApp;
  /** The scratch folder holding the project, its ground truth and the results files. */
  work: string;
  close(): void;
}

/**
 * Starts Pedlab on a project of plain-coloured frames (one shade per image, so that predictions, which are
 * stored by image content, never mix), imports the ground truth, and each model's COCO results as an imported
 * model of that name. Only these models are in the project: the bundled ones are left out.
 */
export async function startComparedProject(
  name: string,
  gt: GroundTruthJson,
  models: readonly (readonly [string, readonly object[]])[],
): Promise<ComparedProject> {
  const work = mkdtempSync(join(tmpdir(), `pedlab-${name}-`));
  const folder = join(work, 'street');
  mkdirSync(folder);
  for (const [k, image] of gt.images.entries()) {
    const shade = 60 + ((k * 60) % 180);
    await sharp({ create: { width: image.width, height: image.height, channels: 3, background: { r: shade, g: 90, b: 110 } } })
      .png()
      .toFile(join(folder, image.file_name));
  }
  process.env.PEDLAB_MODELS_MANIFEST = join(work, 'no-manifest.json');
  const app = await startApp({ project: folder });
  const gtPath = join(work, 'gt.json');
  writeFileSync(gtPath, JSON.stringify(gt));
  await callApi(app, 'project.import', { format: 'coco', path: gtPath });
  for (const [modelName, results] of models) {
    const path = join(work, `${modelName}.json`);
    writeFileSync(path, JSON.stringify(results));
    await callApi(app, 'project.import', { format: 'coco-results', path, options: { gt: gtPath, modelName, allowPartial: true } });
  }
  return {
    app,
    work,
    close() {
      delete process.env.PEDLAB_MODELS_MANIFEST;
      stopApp(app);
      rmSync(work, { recursive: true, force: true });
    },
  };
}
