import { existsSync } from 'node:fs';
import type { InferenceRunStatus, RunState } from '../../core/ipc/types.js';
import type { RunOutcome } from '../store/predictionsRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import { storeFailure } from '../store/storeErrors.js';
import { fileSha256 } from './modelFile.js';
import { inferenceSettings, settingsKey } from './modelSettings.js';
import { RateMeter } from './rateMeter.js';
import type { WorkerRun } from './inferenceWorkerClient.js';
import type { SessionPool } from './sessionPool.js';

export interface ProjectRunOptions {
  store: ProjectStore;
  modelId: number;
  threads: number;
  pool: SessionPool;
  /** The run starts once this settles (the same model's previous run, still finishing its last image). */
  after?: Promise<void>;
  /** Only these images; all readable ones when absent. */
  imageIds?: ReadonlySet<number>;
  /** Called after each image's predictions are stored. */
  onStored?: () => void;
}

/**
 * One model's run over every readable image of a project. Images already predicted with the same model file and
 * settings are cache hits; the others go to the model's worker, and each result is stored as it arrives.
 */
export class ProjectRun {
  /** Resolves when the run has stopped and written its last result, whatever the outcome. */
  readonly settled: Promise<void>;
  private state: RunState = 'starting';
  private runId: number | null = null;
  private done = 0;
  private total = 0;
  private cached = 0;
  private failed = 0;
  private provider: string | null = null;
  private error: string | null = null;
  private meter: RateMeter | null = null;
  private cancelRequested = false;
  private workerRun: WorkerRun | null = null;
  /** Why storing a result failed; the run stops at that image. */
  private storeError: Error | null = null;

  private readonly store: ProjectStore;
  private readonly modelId: number;
  private readonly threads: number;

  constructor(private readonly options: ProjectRunOptions) {
    this.store = options.store;
    this.modelId = options.modelId;
    this.threads = options.threads;
    this.settled = (options.after ?? Promise.resolve()).then(() => this.execute()).catch((err: unknown) => this.fail(err));
  }

  get active(): boolean {
    return this.state === 'starting' || this.state === 'running';
  }

  /** Stops after the image in hand; the run shows as cancelled at once. */
  cancel(): void {
    if (!this.active) return;
    this.cancelRequested = true;
    this.state = 'cancelled';
    this.workerRun?.cancel();
  }

  status(): InferenceRunStatus {
    const running = this.state === 'running';
    return {
      runId: this.runId,
      modelId: this.modelId,
      state: this.state,
      done: this.done,
      total: this.total,
      cached: this.cached,
      failed: this.failed,
      imagesPerSecond: running ? (this.meter?.perSecond() ?? null) : null,
      etaSeconds: running ? (this.meter?.etaSeconds(this.total - this.done) ?? null) : null,
      provider: this.provider,
      threads: this.threads,
      error: this.error,
    };
  }

  private async execute(): Promise<void> {
    const { store } = this;
    const model = store.models.get(this.modelId);
    if (!model) throw new Error(`model ${this.modelId} is no longer in the project`);
    if (!existsSync(model.path)) throw new Error(`model file not found: ${model.path}`);
    const modelSha256 = await fileSha256(model.path);
    if (modelSha256 !== model.sha256) store.models.setSha256(model.id, modelSha256);
    const { worker, info } = await this.options.pool.open(model.path, modelSha256, this.threads);
    this.provider = info.provider;

    const categories = store.categories.all();
    const settings = inferenceSettings(
      model.settings,
      model.classes,
      categories.map((c) => c.name),
    );
    const key = settingsKey(settings);
    const wanted = this.options.imageIds;
    const images = store.images.all().filter((i) => !i.error && i.sha256 && (!wanted || wanted.has(i.id)));
    this.total = images.length;
    const todo = images.filter((i) => !store.predictions.has({ modelSha256, imageSha256: i.sha256!, settingsKey: key }));
    this.cached = this.done = images.length - todo.length;
    this.runId = store.predictions.startRun({ modelId: model.id, settingsKey: key, provider: info.provider, threads: this.threads, imageCount: images.length });
    if (this.cancelRequested) return this.finish('cancelled');
    this.state = 'running';
    this.meter = new RateMeter();

    const categoryIds = new Map(categories.map((c) => [c.name, c.id]));
    const byId = new Map(todo.map((i) => [i.id, i]));
    this.workerRun = worker.run(
      todo.map((i) => ({ imageId: i.id, path: i.path })),
      settings,
      {
        onResult: (imageId, detections, timings) => {
          if (!store.isOpen || this.storeError) return;
          const predictions = detections.map((d) => ({ categoryId: categoryIds.get(d.category)!, score: d.score, bbox: d.bbox, mask: d.mask }));
          const ms = timings.waitMs + timings.runMs + timings.postMs;
          try {
            store.predictions.save({ modelSha256, imageSha256: byId.get(imageId)!.sha256!, settingsKey: key }, this.runId, ms, predictions);
          } catch (err) {
            this.storeError = storeFailure(err) ?? (err as Error);
            this.workerRun?.cancel();
            return;
          }
          this.options.onStored?.();
          if (this.cancelRequested) return;
          this.done++;
          this.meter!.tick();
        },
        onImageFailed: (imageId, message) => {
          if (this.cancelRequested) return;
          this.failed++;
          this.done++;
          this.error ??= `${byId.get(imageId)!.fileName}: ${message}`;
        },
      },
    );
    const { cancelled } = await this.workerRun.finished;
    if (this.storeError) throw this.storeError;
    this.finish(cancelled || this.cancelRequested ? 'cancelled' : 'done');
  }

  /** Records the outcome; a store that cannot be written (disk full) leaves it in the status alone. */
  private finish(outcome: RunOutcome): void {
    this.state = outcome;
    if (this.runId === null || !this.store.isOpen) return;
    try {
      this.store.predictions.finishRun(this.runId, outcome, this.done, this.error);
    } catch (err) {
      this.error ??= (storeFailure(err) ?? (err as Error)).message;
    }
  }

  private fail(err: unknown): void {
    this.error = (storeFailure(err) ?? (err instanceof Error ? err : new Error(String(err)))).message;
    this.finish('failed');
  }
}
