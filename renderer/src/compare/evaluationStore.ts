import type { ImageSummary } from '../../../core/eval/imageSummaries';
import type { Annotation, EvaluationData } from '../../../core/ipc/types';
import { api } from '../api/client';
import { evaluationDataParts, yieldToInput } from './evaluationDataParts';
import type { EvaluationAnswer, EvaluationReply, EvaluationRequest, EvaluationView, EvaluationViewRequest, GroundTruthEdit } from './evaluationMessages';
import type { OutcomeCounts } from './imageOrder';

/** The live evaluation as last answered by the worker, with the data it was built from. */
export interface LiveEvaluationView {
  data: EvaluationData;
  modelIds: number[];
  view: EvaluationView;
  /** Per image id, each model's TP / FP / FN at the sliders. */
  counts: ReadonlyMap<number, OutcomeCounts[]>;
  /** Per model, each image's bbox summary by image id (what the list sorts by). */
  summaries: ReadonlyMap<number, ImageSummary>[];
}

export interface EvaluationSnapshot {
  /** Null until the first evaluation of the chosen models is answered. */
  live: LiveEvaluationView | null;
  error: string | null;
}

const DEFAULT_VIEW: EvaluationViewRequest = { iouType: 'bbox', iouThr: 0.5, scoreThrs: [0.5, 0.5], imageId: null };

/**
 * The compare view's live evaluation as an external store (read with `useSyncExternalStore`). The evaluators live
 * in a worker: the project's data is posted there in parts, a load at a time, then each edit (one image's ground
 * truth) and each change of the view go as one update, never more than one in flight; the worker answers with
 * what the view shows, which becomes the next snapshot.
 */
export class EvaluationStore {
  private worker: Worker | null = null;
  private listeners = new Set<() => void>();
  private snapshot: EvaluationSnapshot = { live: null, error: null };
  /** The load being built or kept: its number, the models and what was asked to load them. */
  private load = { id: 0, key: '', modelIds: [] as number[], data: null as EvaluationData | null, built: false };
  private edits = new Map<number, GroundTruthEdit>();
  private lastEdit: GroundTruthEdit | null = null;
  private viewRequest = DEFAULT_VIEW;
  private dirty = false;
  private inFlight = false;
  private flushQueued = false;
  /** The counts and summaries of the answer on its way, patched as its parts arrive. */
  private incoming: { counts: Map<number, OutcomeCounts[]>; summaries: Map<number, ImageSummary>[] } | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EvaluationSnapshot => this.snapshot;

  /** Loads the models' data and builds their evaluation in the worker, unless these models were loaded with this key. */
  async open(modelIds: number[], reloadKey: string): Promise<void> {
    const key = `${modelIds.join(',')}:${reloadKey}`;
    if (modelIds.length === 0 || key === this.load.key) return;
    const id = this.load.id + 1;
    this.load = { id, key, modelIds, data: null, built: false };
    this.inFlight = false;
    this.incoming = null;
    let data: EvaluationData;
    try {
      data = await api['evaluation.data']({ modelIds });
    } catch (err) {
      if (this.load.id === id) this.publish({ ...this.snapshot, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    const worker = (this.worker ??= this.startWorker());
    for (const part of evaluationDataParts(data)) {
      if (this.load.id !== id) return;
      worker.postMessage({ kind: 'part', load: id, part } satisfies EvaluationRequest);
      await yieldToInput();
    }
    if (this.load.id !== id) return;
    this.load.data = data;
    this.load.built = true;
    // The image being edited goes with the build: the stored data may not have its latest edit yet.
    this.edits = new Map(this.lastEdit ? [[this.lastEdit.imageId, this.lastEdit]] : []);
    this.post('build');
  }

  /** The edited image's ground truth as it is now: that image alone is evaluated again. */
  setGroundTruth(imageId: number, annotations: Annotation[]): void {
    // Kept as given; the image's own boxes are picked out when sent, so editing outside compare mode costs nothing.
    this.lastEdit = { imageId, annotations };
    this.edits.set(imageId, this.lastEdit);
    // Sent in this task when nothing is on its way: the worker evaluates it while the edit is drawn.
    if (this.load.built && !this.inFlight) this.post('update');
    else this.changed();
  }

  /** What the view shows (IoU type, sliders, current image): the next snapshot answers for it. */
  setView(view: EvaluationViewRequest): void {
    const v = this.viewRequest;
    if (v.iouType === view.iouType && v.iouThr === view.iouThr && v.scoreThrs.join() === view.scoreThrs.join() && v.imageId === view.imageId) return;
    this.viewRequest = view;
    this.changed();
  }

  /** Stops the worker; a later `open` starts another. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.load = { id: this.load.id + 1, key: '', modelIds: [], data: null, built: false };
    this.inFlight = false;
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<EvaluationReply>) => this.answered(event.data);
    return worker;
  }

  /** Sends what changed once the current task is done, so that an edit and a view change made together go as one. */
  private changed(): void {
    this.dirty = true;
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      if (this.load.built && !this.inFlight && this.dirty) this.post('update');
    });
  }

  private post(kind: 'build' | 'update'): void {
    const edits = [...this.edits.values()].map(({ imageId, annotations }) => ({ imageId, annotations: annotations.filter((a) => a.imageId === imageId) }));
    this.edits.clear();
    this.dirty = false;
    this.inFlight = true;
    const { id, modelIds } = this.load;
    const request: EvaluationRequest =
      kind === 'build' ? { kind, load: id, modelIds, edits, view: this.viewRequest } : { kind, load: id, edits, view: this.viewRequest };
    this.worker?.postMessage(request);
  }

  private answered(reply: EvaluationReply): void {
    if (reply.load !== this.load.id) return;
    if (reply.error !== undefined) {
      this.inFlight = false;
      this.incoming = null;
      this.publish({ ...this.snapshot, error: reply.error });
    } else if ('part' in reply) this.patch(reply.part);
    else {
      this.inFlight = false;
      const { counts, summaries } = this.patch(reply);
      this.incoming = null;
      this.publish({ live: { data: this.load.data!, modelIds: this.load.modelIds, view: reply.view, counts, summaries }, error: null });
    }
    if (!this.inFlight && this.dirty) this.post('update');
  }

  /**
   * Patches (part of) an answer into the counts and summaries being put together: whole ones start empty, others
   * from the last snapshot's. Done as each part arrives, so that the last one has little left to do.
   */
  private patch({ counts, summaries }: Pick<EvaluationAnswer, 'counts' | 'summaries'>): NonNullable<EvaluationStore['incoming']> {
    const last = this.snapshot.live?.data === this.load.data ? this.snapshot.live : null;
    const incoming = (this.incoming ??= {
      counts: new Map(counts.whole || !last ? [] : last.counts),
      summaries: summaries.entries.map((_, m) => new Map(summaries.whole || !last ? [] : last.summaries[m])),
    });
    for (const [id, n] of counts.entries) incoming.counts.set(id, n);
    summaries.entries.forEach((entries, m) => {
      for (const summary of entries) incoming.summaries[m].set(Number(summary.imageId), summary);
    });
    return incoming;
  }

  private publish(snapshot: EvaluationSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
