import type { Point } from '../../../core/geometry/box';
import type { Annotation } from '../../../core/ipc/types';
import type { EditorStore } from './editorStore';
import type { ToolCommand } from './tools/tool';
import { describeChord } from './keys';
import { clearSelectedMasks, fillSelectedHoles, keepSelectedLargestPieces } from './maskEdits';
import { deleteSelection, nudgeSelection, paste, setCategory, toggleCrowd, type ImageSize } from './operations';

/** What actions can reach: the editor, the image, the cursor and the view. */
export interface ActionContext {
  store: EditorStore;
  size: ImageSize | null;
  cursor: Point | null;
  clipboard: { current: Annotation[] };
  navigate(step: number): void;
  fit(): void;
  actualSize(): void;
  toggleHelp(): void;
  acceptPrediction(): void;
  acceptAllPredictions(): void;
  /** Box to mask: the chosen model's mask for each selected box, as one undoable edit. */
  maskFromModel(): void;
  /** In the compare view with a kind of case chosen: move to the next (+1) or previous (−1) case of it. */
  stepCase?(step: 1 | -1): void;
  /** In the compare view on a person the labels likely missed: add the models' box to the ground truth. */
  acceptCase?(): void;
}

/** Actions that differ only in a number or a direction (the nine labels, the eight nudges) share one help row. */
export interface ActionFamily {
  keys: string;
  label: string;
}

/** An action is data: what it is called, which keys run it, and what it does. */
export interface Action {
  id: string;
  label: string;
  keys: string[];
  family?: ActionFamily;
  /** Whether the keys mean this action now; the first action whose keys match and that applies runs. */
  applies?(ctx: ActionContext): boolean;
  perform(ctx: ActionContext): void;
}

const hasSelection = (ctx: ActionContext) => ctx.store.getState().selection.length > 0;
const noSelection = (ctx: ActionContext) => !hasSelection(ctx);

const placing = (command: ToolCommand) => (ctx: ActionContext) => ctx.store.toolCan(command);
const selectionHasMask = (ctx: ActionContext) => ctx.store.selected().some((a) => a.mask);
/** Brush radius steps: a quarter bigger or smaller, at least a pixel. */
const growRadius = (r: number) => Math.max(r + 1, Math.round(r * 1.25));
const shrinkRadius = (r: number) => Math.min(r - 1, Math.round(r / 1.25));

/** Keys that mean something else while a polygon is being placed share one help row. */
const POLYGON_KEYS: ActionFamily = { keys: 'Enter / Backspace / Esc', label: 'While placing a polygon: close it, remove its last vertex, drop it' };
const NUDGES: ActionFamily = { keys: '← → ↑ ↓', label: 'Nudge the selection 1 px (with Shift: 10 px)' };
const LABELS: ActionFamily = { keys: '1 … 9', label: 'Set the label of the selected boxes, or of new boxes when nothing is selected' };

function nudge(id: string, label: string, keys: string[], dx: number, dy: number): Action {
  return {
    id,
    label,
    keys,
    family: NUDGES,
    applies: hasSelection,
    perform: (ctx) => ctx.size && void nudgeSelection(ctx.store, dx, dy, ctx.size),
  };
}

const categoryActions: Action[] = Array.from({ length: 9 }, (_, i) => ({
  id: `label-${i + 1}`,
  label: `Label ${i + 1}`,
  keys: [String(i + 1)],
  family: LABELS,
  applies: (ctx: ActionContext) => ctx.store.getState().categories.length > i,
  perform: (ctx: ActionContext) => void setCategory(ctx.store, ctx.store.getState().categories[i].id),
}));

export const actions: Action[] = [
  { id: 'tool-select', label: 'Select tool', keys: ['v'], perform: (ctx) => ctx.store.setTool('select') },
  {
    id: 'polygon-cancel',
    label: 'Drop the polygon being placed',
    keys: ['escape'],
    family: POLYGON_KEYS,
    applies: placing('cancel'),
    perform: (ctx) => ctx.store.toolRun('cancel'),
  },
  {
    id: 'escape',
    label: 'Cancel: leave a drawing tool, or clear the selection',
    keys: ['escape'],
    perform: (ctx) => (ctx.store.getState().tool !== 'select' ? ctx.store.setTool('select') : ctx.store.select([])),
  },
  { id: 'tool-box', label: 'Draw box tool', keys: ['w', 'r'], perform: (ctx) => ctx.store.setTool('box') },
  { id: 'tool-brush', label: 'Brush tool: paint the selected mask, or a new one', keys: ['b'], perform: (ctx) => ctx.store.setTool('brush') },
  { id: 'tool-eraser', label: 'Eraser tool: erase from the selected masks, or from any mask', keys: ['e'], perform: (ctx) => ctx.store.setTool('eraser') },
  { id: 'tool-polygon', label: 'Polygon tool: click the outline of a mask', keys: ['p'], perform: (ctx) => ctx.store.setTool('polygon') },
  { id: 'tool-reshape', label: "Reshape tool: drag the vertices of the selected mask's outline", keys: ['t'], perform: (ctx) => ctx.store.setTool('reshape') },
  {
    id: 'brush-smaller',
    label: 'Smaller brush',
    keys: ['['],
    perform: (ctx) => ctx.store.setBrushRadius(shrinkRadius(ctx.store.getState().brushRadius)),
  },
  {
    id: 'brush-larger',
    label: 'Larger brush',
    keys: [']'],
    perform: (ctx) => ctx.store.setBrushRadius(growRadius(ctx.store.getState().brushRadius)),
  },
  {
    id: 'polygon-finish',
    label: 'Close the polygon being placed',
    keys: ['enter'],
    family: POLYGON_KEYS,
    applies: placing('finish'),
    perform: (ctx) => ctx.store.toolRun('finish'),
  },
  {
    id: 'polygon-remove-vertex',
    label: 'Remove the last vertex of the polygon being placed',
    keys: ['backspace'],
    family: POLYGON_KEYS,
    applies: placing('remove-last'),
    perform: (ctx) => ctx.store.toolRun('remove-last'),
  },
  {
    id: 'mask-from-model',
    label: 'Mask from model: the chosen Mask R-CNN finds the person in each selected box (the boxes stay)',
    keys: ['m'],
    applies: hasSelection,
    perform: (ctx) => ctx.maskFromModel(),
  },
  {
    id: 'fill-holes',
    label: 'Fill the holes of the selected masks',
    keys: ['h'],
    applies: selectionHasMask,
    perform: (ctx) => void fillSelectedHoles(ctx.store),
  },
  {
    id: 'keep-largest-piece',
    label: 'Keep only the largest piece of the selected masks',
    keys: ['k'],
    applies: selectionHasMask,
    perform: (ctx) => void keepSelectedLargestPieces(ctx.store),
  },
  {
    id: 'clear-mask',
    label: 'Clear the selected masks (the boxes stay)',
    keys: ['x'],
    applies: selectionHasMask,
    perform: (ctx) => void clearSelectedMasks(ctx.store),
  },
  {
    id: 'mask-outline',
    label: 'Outline masks on or off',
    keys: ['o'],
    perform: (ctx) => ctx.store.setMaskStyle({ maskOutline: !ctx.store.getState().maskOutline }),
  },
  { id: 'undo', label: 'Undo', keys: ['mod+z'], perform: (ctx) => void ctx.store.undo() },
  { id: 'redo', label: 'Redo', keys: ['mod+shift+z', 'mod+y'], perform: (ctx) => void ctx.store.redo() },
  { id: 'delete', label: 'Delete selected boxes', keys: ['delete', 'backspace'], applies: hasSelection, perform: (ctx) => void deleteSelection(ctx.store) },
  {
    id: 'copy',
    label: 'Copy selected boxes',
    keys: ['mod+c'],
    applies: hasSelection,
    perform: (ctx) => (ctx.clipboard.current = ctx.store.selected()),
  },
  {
    id: 'paste',
    label: 'Paste at the cursor',
    keys: ['mod+v'],
    perform: (ctx) => ctx.size && void paste(ctx.store, ctx.clipboard.current, ctx.cursor, ctx.size),
  },
  { id: 'select-all', label: 'Select all boxes', keys: ['mod+a'], perform: (ctx) => ctx.store.selectAll() },
  { id: 'crowd', label: 'Toggle iscrowd of the selection', keys: ['c'], applies: hasSelection, perform: (ctx) => void toggleCrowd(ctx.store) },
  nudge('nudge-left', 'Nudge left', ['arrowleft'], -1, 0),
  nudge('nudge-right', 'Nudge right', ['arrowright'], 1, 0),
  nudge('nudge-up', 'Nudge up', ['arrowup'], 0, -1),
  nudge('nudge-down', 'Nudge down', ['arrowdown'], 0, 1),
  nudge('nudge-left-10', 'Nudge left 10 px', ['shift+arrowleft'], -10, 0),
  nudge('nudge-right-10', 'Nudge right 10 px', ['shift+arrowright'], 10, 0),
  nudge('nudge-up-10', 'Nudge up 10 px', ['shift+arrowup'], 0, -10),
  nudge('nudge-down-10', 'Nudge down 10 px', ['shift+arrowdown'], 0, 10),
  {
    id: 'previous',
    label: 'Previous image (when nothing is selected)',
    keys: ['a', 'arrowleft', 'arrowup'],
    applies: noSelection,
    perform: (ctx) => ctx.navigate(-1),
  },
  {
    id: 'next',
    label: 'Next image (when nothing is selected)',
    keys: ['d', 'arrowright', 'arrowdown'],
    applies: noSelection,
    perform: (ctx) => ctx.navigate(1),
  },
  { id: 'fit', label: 'Fit the image to the window', keys: ['f'], perform: (ctx) => ctx.fit() },
  { id: 'actual-size', label: 'Actual size (1:1)', keys: ['0'], perform: (ctx) => ctx.actualSize() },
  { id: 'accept', label: 'Accept the highlighted prediction (the smallest under the cursor)', keys: ['enter'], perform: (ctx) => ctx.acceptPrediction() },
  {
    id: 'accept-all',
    label: 'Accept all predictions above the score threshold, except those already in the ground truth',
    keys: ['shift+enter'],
    perform: (ctx) => ctx.acceptAllPredictions(),
  },
  { id: 'next-case', label: 'Next case of the chosen kind (compare view)', keys: ['.'], applies: (ctx) => !!ctx.stepCase, perform: (ctx) => ctx.stepCase!(1) },
  {
    id: 'previous-case',
    label: 'Previous case of the chosen kind (compare view)',
    keys: [','],
    applies: (ctx) => !!ctx.stepCase,
    perform: (ctx) => ctx.stepCase!(-1),
  },
  {
    id: 'accept-case',
    label: 'Add the box of the likely missed person in view to the ground truth (compare view)',
    keys: ['g'],
    applies: (ctx) => !!ctx.acceptCase,
    perform: (ctx) => ctx.acceptCase!(),
  },
  ...categoryActions,
  { id: 'help', label: 'Show or hide this help', keys: ['?'], perform: (ctx) => ctx.toggleHelp() },
];

/** The help's rows: one per action, and one per family of actions. */
export function helpRows(): ActionFamily[] {
  const rows: ActionFamily[] = [];
  const listed = new Set<ActionFamily>();
  for (const a of actions) {
    if (!a.family) rows.push({ keys: a.keys.map(describeChord).join(' / '), label: a.label });
    else if (!listed.has(a.family)) {
      listed.add(a.family);
      rows.push(a.family);
    }
  }
  return rows;
}

/** The action a chord runs now, if any. */
export function actionFor(chord: string, ctx: ActionContext): Action | undefined {
  return actions.find((a) => a.keys.includes(chord) && (!a.applies || a.applies(ctx)));
}
