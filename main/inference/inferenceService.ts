import { existsSync } from 'node:fs';
import { mapClasses } from '../../core/detect/classes.js';
import type { InferenceRunStatus, InferenceStatus, ModelEntry, Prediction } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import type { ProjectService } from '../project/projectService.js';
import type { StoredModel } from '../store/modelsRepository.js';
import { bundledManifestPath, registerBundledModels } from './manifest.js';
import { defaultThreads, predictionKey } from './modelSettings.js';
import { ProjectRun } from './projectRun.js';
import { registerModelFile, type AddModelRequest } from './registerModel.js';
import { SessionPool } from './sessionPool.js';

/** Models, batch runs and stored predictions of the open project; sessions live in worker threads. */
export class InferenceService {
  /** The sessions, one worker per model file; box to mask shares them. */
  readonly pool = new SessionPool();
  private runs = new Map<number, ProjectRun>();
  private resultsVersion = 0;

  constructor(
    private readonly projects: ProjectService,
    private readonly manifestPath = bundledManifestPath(),
  ) {}

  /** Registers the bundled models in the project just opened. */
  async projectOpened(): Promise<void> {
    this.runs = new Map();
    try {
      for (const warning of await registerBundledModels(this.projects.store, this.manifestPath)) console.warn(`[pedlab] ${warning}`);
    } catch (err) {
      console.error(`[pedlab] bundled models not registered: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  models(): ModelEntry[] {
    const store = this.projects.store;
    const categories = store.categories.all().map((c) => c.name);
    return store.models.all().map((m) => this.entry(m, categories));
  }

  private entry(m: StoredModel, categories: string[]): ModelEntry {
    let problem: string | null = null;
    if (!existsSync(m.path)) problem = `file not found: ${m.path}`;
    else if (mapClasses(m.classes, categories).every((c) => c === null)) {
      problem = `none of its classes is a project category (${categories.join(', ') || 'none'})`;
    }
    const provider = this.pool.provider(m.path) ?? this.projects.store.predictions.lastProvider(m.id);
    const { id, name, variant, path, kind, classes, settings, bundled } = m;
    return { id, name, variant, path, kind, classes, settings, bundled, provider, problem };
  }

  /** Opens a model file to read its signature and adds it; files that are not detectors are refused with the reason. */
  async add(request: AddModelRequest): Promise<ModelEntry> {
    const store = this.projects.store;
    const model = await registerModelFile(store, this.pool, request);
    return this.entry(
      model,
      store.categories.all().map((c) => c.name),
    );
  }

  /** Starts a run over the whole project for each model not already running; returns at once. */
  start(request: { modelIds: number[]; threads?: number }): InferenceStatus {
    const store = this.projects.store;
    const threads = request.threads ?? defaultThreads(request.modelIds.length);
    for (const modelId of request.modelIds) {
      if (!store.models.get(modelId)) throw new PedlabError('model-unknown', `No model ${modelId} in this project.`);
    }
    for (const modelId of request.modelIds) {
      const previous = this.runs.get(modelId);
      if (previous?.active) continue;
      const run = new ProjectRun({ store, modelId, threads, pool: this.pool, after: previous?.settled, onStored: () => this.resultsVersion++ });
      this.runs.set(modelId, run);
    }
    return this.status();
  }

  /** Cancels one model's run, or all of them. */
  cancel(modelId?: number): InferenceStatus {
    for (const [id, run] of this.runs) if (modelId === undefined || id === modelId) run.cancel();
    return this.status();
  }

  status(): InferenceStatus {
    const runs: InferenceRunStatus[] = [...this.runs.values()].map((r) => r.status());
    return { runs, resultsVersion: this.resultsVersion };
  }

  /** A model's stored predictions for an image under its current file and settings. */
  async predictions(imageId: number, modelId: number): Promise<Prediction[]> {
    const store = this.projects.store;
    const model = store.models.get(modelId);
    if (!model) throw new PedlabError('model-unknown', `No model ${modelId} in this project.`);
    const image = store.images.get(imageId);
    if (!image?.sha256 || !existsSync(model.path)) return [];
    return store.predictions.get(await predictionKey(store, model, image.sha256));
  }

  /** Cancels every run and waits for the workers to stop writing. */
  async stopAll(): Promise<void> {
    const runs = [...this.runs.values()];
    for (const run of runs) run.cancel();
    await Promise.all(runs.map((r) => r.settled));
  }

  async close(): Promise<void> {
    await this.stopAll();
    await this.pool.close();
  }
}
