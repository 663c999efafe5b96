import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { probeImage } from '../../main/imaging/probeImage.js';
import { projectDbPathFor } from '../../main/project/projectService.js';
import { ProjectStore } from '../../main/store/projectStore.js';
import type { GroundTruthJson } from './comparedProject.js';
import { callApi, startApp, stopApp, type RunningApp } from './fixtures.js';

export interface LargeProject {
  app: RunningApp;
  /** The COCO ground truth imported: one person an image. */
  groundTruth: GroundTruthJson;
  close(): void;
}

const WIDTH = 64;
const HEIGHT = 48;

/**
 * Starts Pedlab on a project of `count` images made in seconds: the project's folder holds one small PNG, and the
 * other images are rows written straight into its store, each a link to one PNG outside the folder (so opening the
 * project probes one file) with a content hash of its own (so that predictions, stored by image content, never mix).
 * Each image gets one person; each model's results (a function of the image id) are imported as a model of that name.
 */
export async function startLargeProject(count: number, models: readonly (readonly [string, (imageId: number) => readonly object[]])[]): Promise<LargeProject> {
  const work = mkdtempSync(join(tmpdir(), 'pedlab-large-'));
  const folder = join(work, 'project');
  const linked = join(work, 'linked');
  const dataDir = join(work, 'data');
  for (const dir of [folder, linked, dataDir]) mkdirSync(dir);
  const source = join(work, 'frame.png');
  await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 90, g: 110, b: 130 } } })
    .png()
    .toFile(source);
  const { thumbnail } = await probeImage(source);
  const fileName = (id: number) => `f${String(id).padStart(5, '0')}.png`;
  await sharp(source).toFile(join(folder, fileName(1)));

  const before = process.env.PEDLAB_DATA_DIR;
  process.env.PEDLAB_DATA_DIR = dataDir;
  const store = ProjectStore.open(projectDbPathFor(folder));
  if (before === undefined) delete process.env.PEDLAB_DATA_DIR;
  else process.env.PEDLAB_DATA_DIR = before;
  store.transaction(() => {
    for (let id = 2; id <= count; id++) {
      const path = join(linked, fileName(id));
      symlinkSync(source, path);
      store.images.upsert({ path, fileName: fileName(id), sha256: `linked-frame-${id}`, width: WIDTH, height: HEIGHT, orientation: 1, error: null }, thumbnail);
    }
  });
  store.close();

  process.env.PEDLAB_MODELS_MANIFEST = join(work, 'no-manifest.json');
  const app = await startApp({ project: folder, dataDir });
  const ids = Array.from({ length: count }, (_, k) => k + 1);
  const groundTruth: GroundTruthJson = {
    images: ids.map((id) => ({ id, file_name: fileName(id), width: WIDTH, height: HEIGHT })),
    categories: [{ id: 1, name: 'pedestrian' }],
    annotations: ids.map((id) => ({ id, image_id: id, category_id: 1, bbox: [10, 5, 20, 36], area: 720, iscrowd: 0 })),
  };
  const gtPath = join(work, 'gt.json');
  writeFileSync(gtPath, JSON.stringify(groundTruth));
  await callApi(app, 'project.import', { format: 'coco', path: gtPath });
  for (const [modelName, results] of models) {
    const path = join(work, `${modelName}.json`);
    writeFileSync(path, JSON.stringify(ids.flatMap(results)));
    await callApi(app, 'project.import', { format: 'coco-results', path, options: { gt: gtPath, modelName } });
  }
  return {
    app,
    groundTruth,
    close() {
      delete process.env.PEDLAB_MODELS_MANIFEST;
      stopApp(app);
      rmSync(work, { recursive: true, force: true });
    },
  };
}
