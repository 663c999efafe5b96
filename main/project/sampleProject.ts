import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importIntoProject } from '../importExport/projectImport.js';
import type { ProjectStore } from '../store/projectStore.js';
import { appRoot } from '../version.js';

export function sampleProjectDir(): string {
  return join(appRoot(), 'samples', 'vtest');
}

/** The sample's ground truth, drawn in Pedlab and exported as COCO (see samples/README.md). */
export function sampleGroundTruthFile(): string {
  return join(appRoot(), 'samples', 'vtest_ground_truth.json');
}

/**
 * Gives the bundled sample project its ground truth the first time it is opened, so comparing models works with
 * no setup. It happens once: boxes the user deletes later stay deleted.
 */
export async function seedSampleProject(store: ProjectStore, folder: string): Promise<void> {
  if (resolve(folder) !== sampleProjectDir() || store.meta.get('sample-ground-truth') || !existsSync(sampleGroundTruthFile())) return;
  await importIntoProject(store, { format: 'coco', path: sampleGroundTruthFile(), options: { imageRoot: sampleProjectDir() } });
  store.meta.set('sample-ground-truth', 'imported');
}
