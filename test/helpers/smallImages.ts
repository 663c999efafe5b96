import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { Services } from '../../main/services.js';
import { SMALL_COCO } from './formatFixtures.js';

/** `count` small PNGs of distinct colours (so distinct content hashes) named frame_000.png, frame_001.png, … */
export async function smallImages(dir: string, count: number, size = 32): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const background = { r: (i * 37) % 256, g: Math.floor(i / 256) % 256, b: (i * 11) % 256 };
    await sharp({ create: { width: size, height: size, channels: 3, background } })
      .png()
      .toFile(join(dir, `frame_${String(i).padStart(3, '0')}.png`));
  }
  return dir;
}

/** The grey images a COCO file's images point to (SMALL_COCO's by default), written into `dir` (created) in the format their names say. */
export async function smallCocoImages(
  dir: string,
  coco: { images: readonly { file_name: string; width: number; height: number }[] } = SMALL_COCO,
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const img of coco.images) {
    await sharp({ create: { width: img.width, height: img.height, channels: 3, background: '#808080' } }).toFile(join(dir, img.file_name));
  }
  return dir;
}

/**
 * A web-host project over a COCO file's images (SMALL_COCO's by default) in `project`, with that file written to
 * `gt` and imported as the ground truth. PEDLAB_DATA_DIR must be set first.
 */
export async function smallCocoProject(project: string, gt: string, coco: Parameters<typeof smallCocoImages>[1] = SMALL_COCO): Promise<Services> {
  await smallCocoImages(project, coco);
  writeFileSync(gt, JSON.stringify(coco));
  const services = new Services({ host: 'web' });
  await services.openFolder(project);
  await services.handlers['project.import']({ format: 'coco', path: gt });
  return services;
}

/**
 * Imports each [name, results] as a model of COCO results against the ground truth `gt`, the results file written
 * beside it; answers the models' ids in that order.
 */
export async function importResultsModels(services: Services, gt: string, models: readonly (readonly [string, readonly object[]])[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [modelName, results] of models) {
    const path = join(dirname(gt), `results-${ids.length}.json`);
    writeFileSync(path, JSON.stringify(results));
    const report = await services.handlers['project.import']({ format: 'coco-results', path, options: { gt, modelName } });
    ids.push(report.model!.id);
  }
  return ids;
}
