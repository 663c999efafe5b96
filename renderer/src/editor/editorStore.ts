import type { Annotation, Category } from '../../../core/ipc/types';
import { api } from '../api/client';
import { annotationsWithIds } from './annotationIndex';
import { applyLocally, inverse, isEmpty, reconcile, withAnswer, withCreatedIds, type Change } from './change';
import type { ToolCommand } from './tools/tool';

export type ToolName = 'select' | 'box' | 'brush' | 'eraser' | 'polygon' | 'reshape';

/** Brush and eraser radius, in image pixels. */
export const BRUSH_RADIUS = { initial: 8, min: 1, max: 200 };

/** What keys can ask of the tool in use (a polygon being placed: finish it, drop its last vertex, cancel it). */
export interface ToolCommands {
  can(command: ToolCommand): boolean;
  run(command: ToolCommand): void;
}

/**
 * One undoable edit. It is on the undo stack from the moment it is made; the ids the store gives to boxes it
 * creates are filled in when the store answers, which is always before a later undo or redo reaches the store.
 */
interface Step {
  label: string;
  forward: Change;
  backward: Change;
}

export interface EditorState {
  imageId: number | null;
  annotations: Annotation[];
  selection: number[];
  tool: ToolName;
  brushRadius: number;
  /** How ground-truth masks are drawn: fill opacity (0–1) and whether their edges are outlined. */
  maskOpacity: number;
  maskOutline: boolean;
  categories: Category[];
  activeCategoryId: number | null;
  /** Edits sent to the store and not yet confirmed. */
  pending: number;
  /** The last edit the store refused, in words. */
  error: string | null;
  /** What the last bulk action did, in words, until the next edit or image. */
  notice: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The editor's single source of truth: the current image's ground truth, the selection, the tool, and per-image
 * undo/redo. Every edit is committed to the store in its own transaction as it happens, in order.
 */
export class EditorStore {
  private state: EditorState = {
    imageId: null,
    annotations: [],
    selection: [],
    tool: 'select',
    brushRadius: BRUSH_RADIUS.initial,
    maskOpacity: 0.45,
    maskOutline: true,
    categories: [],
    activeCategoryId: null,
    pending: 0,
    error: null,
    notice: null,
    canUndo: false,
    canRedo: false,
  };
  private readonly listeners = new Set<() => void>();
  private readonly history = new Map<number, { undo: Step[]; redo: Step[] }>();
  /** The image's annotations as the store holds them after every answered edit (what is shown runs ahead of it). */
  private confirmed: { imageId: number; annotations: Annotation[] } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private selectingAll = false;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): EditorState => this.state;

  private set(patch: Partial<EditorState>): void {
    const next = { ...this.state, ...patch };
    const stacks = next.imageId === null ? undefined : this.history.get(next.imageId);
    next.canUndo = !!stacks?.undo.length;
    next.canRedo = !!stacks?.redo.length;
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  setCategories(categories: Category[]): void {
    const active = categories.some((c) => c.id === this.state.activeCategoryId) ? this.state.activeCategoryId : (categories[0]?.id ?? null);
    this.set({ categories, activeCategoryId: active });
  }

  async loadImage(imageId: number | null): Promise<void> {
    this.selectingAll = false;
    this.set({ imageId, annotations: [], selection: [], notice: null });
    if (imageId === null) return;
    await this.queue;
    const annotations = await api['annotations.list']({ imageId });
    if (this.state.imageId !== imageId) return;
    this.confirmed = { imageId, annotations };
    this.set({ annotations });
  }

  /**
   * Reads the image's annotations again after a change made elsewhere (the mask fill job), keeping the selection
   * of those still there. With an edit of the user's on its way meanwhile, that edit's answer brings them instead.
   * Undo and redo start afresh on every image: their steps were recorded against what the store held before, and
   * undoing one would take back what the other writer stored.
   */
  async refresh(): Promise<void> {
    await this.queue;
    this.history.clear();
    this.set({});
    const imageId = this.state.imageId;
    if (imageId === null) return;
    const annotations = await api['annotations.list']({ imageId });
    if (this.state.imageId !== imageId) return;
    this.confirmed = { imageId, annotations };
    if (this.state.pending > 0) return;
    const ids = new Set(annotations.map((a) => a.id));
    this.set({ annotations: reconcile(this.state.annotations, annotations), selection: this.state.selection.filter((id) => ids.has(id)) });
  }

  setTool(tool: ToolName): void {
    this.set({ tool });
  }

  setBrushRadius(radius: number): void {
    this.set({ brushRadius: Math.min(BRUSH_RADIUS.max, Math.max(BRUSH_RADIUS.min, Math.round(radius))) });
  }

  setMaskStyle(style: { maskOpacity?: number; maskOutline?: boolean }): void {
    this.set(style);
  }

  private toolCommands: ToolCommands | null = null;

  /**
   * The tool on the canvas now, for the keys that speak to it (of two canvases, the one attached last). Returns
   * the detach, which leaves a tool attached since in place.
   */
  attachTool(tool: ToolCommands): () => void {
    this.toolCommands = tool;
    return () => {
      if (this.toolCommands === tool) this.toolCommands = null;
    };
  }

  toolCan(command: ToolCommand): boolean {
    return !!this.toolCommands?.can(command);
  }

  toolRun(command: ToolCommand): void {
    this.toolCommands?.run(command);
  }

  setActiveCategory(id: number): void {
    this.set({ activeCategoryId: id });
  }

  setNotice(notice: string | null): void {
    this.set({ notice });
  }

  select(ids: number[]): void {
    this.selectingAll = false;
    this.set({ selection: [...new Set(ids)] });
  }

  /**
   * A press on box `id`: with shift it joins the selection or leaves it; without, it becomes the selection unless
   * it is already part of it (so a press on one box of several selected can drag them all).
   */
  pick(id: number, shift: boolean): void {
    const selection = this.state.selection;
    if (shift) this.select(selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id]);
    else if (!selection.includes(id)) this.select([id]);
  }

  /** Selects every box, including those still on their way to the store. */
  selectAll(): void {
    this.select(this.state.annotations.map((a) => a.id));
    this.selectingAll = true;
  }

  selected(): Annotation[] {
    return annotationsWithIds(this.state.annotations, this.state.selection);
  }

  /** Applies an edit now, commits it, and records it for undo. Resolves when the store has it. */
  edit(label: string, change: Change, selectCreated = false): Promise<void> {
    if (isEmpty(change) || this.state.imageId === null) return Promise.resolve();
    const imageId = this.state.imageId;
    const before = this.state.annotations;
    const step: Step = { label, forward: change, backward: inverse(change, before, []) };
    const stacks = this.stacks(imageId);
    stacks.undo.push(step);
    stacks.redo = [];
    this.set({
      annotations: applyLocally(before, change),
      selection: this.state.selection.filter((id) => !change.delete.includes(id)),
      notice: null,
    });
    const selectionThen = this.state.selection;
    return this.commit(imageId, step, 'forward', (created) => {
      step.forward = withCreatedIds(change, created);
      // Undoing the edit now deletes what it created, by the ids the store gave them.
      step.backward = { ...step.backward, delete: [...created] };
      if (created.length === 0 || this.state.imageId !== imageId) return;
      // New boxes arrive after the store answers: they join a select-all made meanwhile, and become the
      // selection only if the user has not chosen another one since.
      if (this.selectingAll) this.set({ selection: [...this.state.selection, ...created] });
      else if (selectCreated && this.state.selection === selectionThen) this.set({ selection: created });
    });
  }

  undo(): Promise<void> {
    return this.travel('undo');
  }

  redo(): Promise<void> {
    return this.travel('redo');
  }

  private travel(direction: 'undo' | 'redo'): Promise<void> {
    const imageId = this.state.imageId;
    if (imageId === null) return Promise.resolve();
    const stacks = this.stacks(imageId);
    const step = (direction === 'undo' ? stacks.undo : stacks.redo).pop();
    if (!step) return Promise.resolve();
    (direction === 'undo' ? stacks.redo : stacks.undo).push(step);
    const side = direction === 'undo' ? 'backward' : 'forward';
    this.set({ annotations: applyLocally(this.state.annotations, step[side]), selection: [], notice: null });
    return this.commit(imageId, step, side, () => undefined);
  }

  private stacks(imageId: number) {
    let stacks = this.history.get(imageId);
    if (!stacks) this.history.set(imageId, (stacks = { undo: [], redo: [] }));
    return stacks;
  }

  /**
   * Sends one side of a step to the store after every earlier change. The side is read when its turn comes: by
   * then the store has answered every earlier edit, this step's own included, so created ids are known. A change
   * the store refuses leaves undo and redo (the step is dropped: it did not happen) and the image is read back.
   */
  private commit(imageId: number, step: Step, side: 'forward' | 'backward', done: (created: number[]) => void): Promise<void> {
    this.set({ pending: this.state.pending + 1 });
    const run = this.queue.then(async () => {
      try {
        // The request goes out in a task of its own, so the edit is drawn without waiting for it to be sent
        // (not in a hidden window, where timers may wait a second and nothing is drawn anyway).
        if (document.visibilityState === 'visible') await new Promise((resolve) => setTimeout(resolve, 0));
        const sent = step[side];
        const result = await api['annotations.commit']({ imageId, ...sent });
        done(result.created);
        const confirmed = this.confirmed?.imageId === imageId ? this.confirmed : null;
        if (confirmed) confirmed.annotations = withAnswer(confirmed.annotations, sent.delete, result.stored);
        // With later edits still on their way, what is shown is already ahead of this answer: the last answer
        // brings it in line with the store, so a burst of nudges never steps back.
        if (this.state.imageId === imageId && this.state.pending === 1) {
          this.set({ ...(confirmed && { annotations: reconcile(this.state.annotations, confirmed.annotations) }), error: null });
        }
      } catch (err) {
        const stacks = this.stacks(imageId);
        stacks.undo = stacks.undo.filter((s) => s !== step);
        stacks.redo = stacks.redo.filter((s) => s !== step);
        const message = err instanceof Error ? err.message : String(err);
        const annotations = await api['annotations.list']({ imageId }).catch(() => this.state.annotations);
        if (this.state.imageId === imageId) {
          this.confirmed = { imageId, annotations };
          this.set({ annotations, error: message });
        } else this.set({ error: message });
      } finally {
        this.set({ pending: this.state.pending - 1 });
      }
    });
    this.queue = run;
    return run;
  }

  /** Resolves once every edit made so far is in the store. */
  flushed(): Promise<unknown> {
    return this.queue;
  }
}
