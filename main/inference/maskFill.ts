import type { Box } from '../../core/geometry/box.js';
import type { Annotation, BoxMask, MaskFillState, MaskFillStatus } from '../../core/ipc/types.js';
import { needsMask } from '../../core/masks/boxToMask.js';
import { rleArea } from '../../core/masks/rle.js';
import { rleFromCoco } from '../../core/masks/rleString.js';
import type { StoredImage } from '../store/imagesRepository.js';
import type { ProjectStore } from '../store/projectStore.js';
import { storeFailure } from '../store/storeErrors.js';
import { masksForImage, maskModelRecord, openMaskModel } from './maskModel.js';
import type { SessionPool } from './sessionPool.js';

export interface MaskFillOptions {
  store: ProjectStore;
  pool: SessionPool;
  modelId: number;
  /** Only these images; every readable one when absent. */
  imageIds?: ReadonlySet<number>;
  /** Called after each image's masks are stored. */
  onStored?: () => void;
  /** Called after each image, stored or not (progress). */
  onImage?: (fileName: string) => void;
}

/** Boxes sent to the worker at a time: a cancel waits for at most this many. */
const CHUNK = 8;

/**
 * The job behind "masks for every box without one": for each image, the model's mask for each box annotation
 * that has none, stored (mask, and the mask's area; the box stays the user's) in one transaction per image.
 * An annotation edited while its image was being worked on is left as the edit made it.
 */
export class MaskFill {
  /** Resolves when the job has stopped and stored its last image, whatever the outcome. */
  readonly settled: Promise<void>;
  private state: MaskFillState = 'running';
  private boxesDone = 0;
  private boxesTotal = 0;
  private filled = 0;
  private missed = 0;
  private error: string | null = null;
  private cancelRequested = false;

  /** Refuses at once (a PedlabError) a model that gives no masks; the work itself runs in the background. */
  constructor(private readonly options: MaskFillOptions) {
    maskModelRecord(options.store, options.modelId);
    const { store, imageIds } = options;
    const images = store.images.all().filter((i) => !i.error && i.width !== null && (!imageIds || imageIds.has(i.id)));
    const work = images.map((image) => ({ image, boxes: store.annotations.forImage(image.id).filter(needsMask) })).filter((w) => w.boxes.length > 0);
    this.boxesTotal = work.reduce((n, w) => n + w.boxes.length, 0);
    this.settled = this.execute(work).catch((err: unknown) => this.fail(err));
  }

  get active(): boolean {
    return this.state === 'running';
  }

  /** Stops after the boxes in hand, storing nothing more; the job shows as cancelled at once. */
  cancel(): void {
    if (!this.active) return;
    this.cancelRequested = true;
    this.state = 'cancelled';
  }

  status(version: number): MaskFillStatus {
    const { state, boxesDone, boxesTotal, filled, missed, error } = this;
    return { state, modelId: this.options.modelId, boxesDone, boxesTotal, filled, missed, error, version };
  }

  private async execute(work: { image: StoredImage; boxes: Annotation[] }[]): Promise<void> {
    const { store } = this.options;
    const model = await openMaskModel(store, this.options.pool, this.options.modelId);
    for (const { image, boxes } of work) {
      const masks: BoxMask[] = [];
      try {
        for (let i = 0; i < boxes.length && !this.cancelRequested; i += CHUNK) {
          const chunk = boxes.slice(i, i + CHUNK);
          masks.push(
            ...(await masksForImage(
              model,
              image,
              chunk.map((a) => [...a.bbox] as Box),
            )),
          );
        }
      } catch (err) {
        if (this.cancelRequested) break;
        this.error ??= err instanceof Error ? err.message : String(err);
        this.boxesDone += boxes.length;
        this.options.onImage?.(image.fileName);
        continue;
      }
      if (this.cancelRequested || !store.isOpen) break;
      this.store(image.id, boxes, masks);
      this.boxesDone += boxes.length;
      this.options.onStored?.();
      this.options.onImage?.(image.fileName);
    }
    if (!this.cancelRequested) this.state = 'done';
  }

  /** Writes an image's masks in one transaction, onto the annotations that are still the boxes they were made for. */
  private store(imageId: number, boxes: Annotation[], masks: BoxMask[]): void {
    const { store } = this.options;
    store.transaction(() => {
      const current = new Map(store.annotations.forImage(imageId).map((a) => [a.id, a]));
      const update = [];
      for (const [i, asked] of boxes.entries()) {
        const found = masks[i];
        if (!found?.mask) {
          this.missed++;
          continue;
        }
        const now = current.get(asked.id);
        if (!now || !needsMask(now) || now.bbox.some((v, k) => v !== asked.bbox[k])) continue;
        const area = rleArea(rleFromCoco(found.mask.size, found.mask.counts));
        update.push({ id: now.id, categoryId: now.categoryId, bbox: now.bbox, area, iscrowd: now.iscrowd, mask: found.mask });
        this.filled++;
      }
      if (update.length) store.annotations.commit(imageId, { create: [], update, delete: [] });
    });
  }

  private fail(err: unknown): void {
    this.error = (storeFailure(err) ?? (err instanceof Error ? err : new Error(String(err)))).message;
    this.state = 'failed';
  }
}
