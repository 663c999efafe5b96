import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../core/detect/types.js';
import type { ProjectStore } from '../store/projectStore.js';
import { appRoot } from '../version.js';
import { fileSha256 } from './modelFile.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const probability = z.number().min(0).max(1);

const entrySchema = z
  .object({
    name: z.string().min(1),
    variant: z.string().default(''),
    /** Relative to the manifest's folder. */
    file: z.string().min(1),
    sha256: sha256.optional(),
    kind: z.enum(['maskrcnn', 'fasterrcnn', 'yolox']),
    /** The input convention: torchvision's RGB 0..1 [3,H,W], or YOLOX's letterboxed BGR 0..255. */
    input: z.enum(['rgb01', 'bgr255-letterbox']),
    /** Class names by model class index; torchvision models start with the background. */
    classes: z.array(z.string()).min(1),
    thresholds: z
      .object({ score: probability.optional(), display: probability.optional(), nms: probability.optional(), mask: probability.optional() })
      .strict()
      .default({}),
    maxSide: z.number().int().positive().nullable().default(null),
    maxDetections: z.number().int().positive().default(DEFAULT_MODEL_SETTINGS.maxDetections),
  })
  .strict()
  .refine((e) => (e.kind === 'yolox') === (e.input === 'bgr255-letterbox'), {
    message: 'input is "bgr255-letterbox" for yolox models and "rgb01" for torchvision ones',
    path: ['input'],
  });

const manifestSchema = z.object({ models: z.array(entrySchema) }).strict();

export type ManifestEntry = z.output<typeof entrySchema>;

export interface BundledModel {
  entry: ManifestEntry;
  path: string;
  settings: ModelSettings;
}

/** The app's models/manifest.json; PEDLAB_MODELS_MANIFEST names another. */
export function bundledManifestPath(): string {
  return process.env.PEDLAB_MODELS_MANIFEST ?? join(appRoot(), 'models', 'manifest.json');
}

/** Reads and checks a manifest; a missing file lists no models, a malformed one is an error naming the problem. */
export function readManifest(path: string): BundledModel[] {
  if (!existsSync(path)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path} is not valid JSON (${(err as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ');
    throw new Error(`${path} is not a valid model manifest: ${detail}`);
  }
  return parsed.data.models.map((entry) => ({
    entry,
    path: isAbsolute(entry.file) ? entry.file : resolve(dirname(path), entry.file),
    settings: {
      scoreThreshold: entry.thresholds.score ?? DEFAULT_MODEL_SETTINGS.scoreThreshold,
      displayThreshold: entry.thresholds.display ?? DEFAULT_MODEL_SETTINGS.displayThreshold,
      nmsThreshold: entry.thresholds.nms ?? DEFAULT_MODEL_SETTINGS.nmsThreshold,
      maskThreshold: entry.thresholds.mask ?? DEFAULT_MODEL_SETTINGS.maskThreshold,
      maxSide: entry.maxSide,
      maxDetections: entry.maxDetections,
    },
  }));
}

/**
 * Registers the manifest's models in a project. Files not there yet are skipped; a file whose hash differs from
 * the manifest's is registered with its real hash (so its predictions are not mixed with the old file's) and
 * reported in the returned warnings.
 */
export async function registerBundledModels(store: ProjectStore, manifestPath = bundledManifestPath()): Promise<string[]> {
  const warnings: string[] = [];
  for (const model of readManifest(manifestPath)) {
    if (!existsSync(model.path)) {
      warnings.push(`bundled model ${model.entry.name}: ${model.path} is missing`);
      continue;
    }
    const actual = await fileSha256(model.path);
    if (model.entry.sha256 && model.entry.sha256 !== actual) {
      warnings.push(`bundled model ${model.entry.name}: ${model.path} has sha256 ${actual}, the manifest says ${model.entry.sha256}`);
    }
    store.models.upsert({
      name: model.entry.name,
      variant: model.entry.variant,
      path: model.path,
      sha256: actual,
      kind: model.entry.kind,
      classes: model.entry.classes,
      settings: model.settings,
      bundled: true,
    });
  }
  return warnings;
}
