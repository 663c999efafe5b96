import type { Box } from '../../core/geometry/box.js';
import type { BoxMask, MaskFillStatus } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import type { ProjectService } from '../project/projectService.js';
import { MaskFill } from './maskFill.js';
import { masksForImage, openMaskModel } from './maskModel.js';
import type { SessionPool } from './sessionPool.js';

/** Box to mask for the open project: masks for boxes on request, and the job that fills every box without one. */
export class MaskService {
  private job: MaskFill | null = null;
  private version = 0;

  constructor(
    private readonly projects: ProjectService,
    private readonly pool: SessionPool,
  ) {}

  /** The mask the model gives for each box on an image, in order; a box it finds no person for has the reason. */
  async forBoxes(request: { modelId: number; imageId: number; boxes: Box[] }): Promise<BoxMask[]> {
    const store = this.projects.store;
    const model = await openMaskModel(store, this.pool, request.modelId);
    const image = store.images.get(request.imageId);
    if (!image) throw new PedlabError('image-unknown', `No image ${request.imageId} in this project.`);
    return masksForImage(model, image, request.boxes);
  }

  /** Starts the fill job and answers at once; refused while one is running. */
  fillStart(request: { modelId: number; imageIds?: number[] }): MaskFillStatus {
    if (this.job?.active) throw new PedlabError('masks-busy', 'Masks are already being made for the boxes; cancel that first or wait for it to finish.');
    this.job = new MaskFill({
      store: this.projects.store,
      pool: this.pool,
      modelId: request.modelId,
      imageIds: request.imageIds ? new Set(request.imageIds) : undefined,
      onStored: () => this.version++,
    });
    return this.fillStatus();
  }

  fillCancel(): MaskFillStatus {
    this.job?.cancel();
    return this.fillStatus();
  }

  fillStatus(): MaskFillStatus {
    if (!this.job) return { state: 'idle', modelId: null, boxesDone: 0, boxesTotal: 0, filled: 0, missed: 0, error: null, version: this.version };
    return this.job.status(this.version);
  }

  /** Resolves when the fill job (if any) has stopped and stored its last image. */
  async settled(): Promise<void> {
    await this.job?.settled;
  }

  /** Cancels the job and waits for it to stop writing (before another project opens). */
  async stop(): Promise<void> {
    const job = this.job;
    job?.cancel();
    await job?.settled;
    this.job = null;
  }
}
