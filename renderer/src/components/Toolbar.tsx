import { memo, useMemo } from 'react';
import { annotationsWithIds } from '../editor/annotationIndex';
import type { EditorStore, ToolName } from '../editor/editorStore';
import { clearSelectedMasks, fillSelectedHoles, keepSelectedLargestPieces } from '../editor/maskEdits';
import { setCategory, toggleCrowd } from '../editor/operations';
import { useEditorState } from '../editor/useEditorState';
import { FILTER_LABELS, type FilterName, type ViewFilter } from '../canvas/filters';
import type { MaskAssist } from '../state/useMaskAssist';
import { MaskFromModel } from './MaskFromModel';
import { NewLabel } from './NewLabel';

interface Props {
  store: EditorStore;
  filter: ViewFilter;
  onFilter(filter: ViewFilter): void;
  showMasks: boolean;
  onShowMasks(show: boolean): void;
  onHelp(): void;
  assist: MaskAssist;
}

const TOOLS: { name: ToolName; label: string; title: string }[] = [
  { name: 'select', label: 'Select', title: 'Select (V)' },
  { name: 'box', label: 'Draw box', title: 'Draw box (W or R)' },
  { name: 'brush', label: 'Brush', title: 'Brush: paint the selected mask, or a new one (B; [ ] size; Shift-drag: straight line)' },
  { name: 'eraser', label: 'Eraser', title: 'Eraser: erase from the selected masks, or any mask (E)' },
  { name: 'polygon', label: 'Polygon', title: 'Polygon: click vertices, close on the first or Enter; Backspace, Esc (P)' },
  { name: 'reshape', label: 'Reshape', title: "Reshape: drag the vertices of the selected mask's outline (T)" },
];

/**
 * Tools, the label of the selection, mask edits, box to mask, undo/redo, what the last bulk action did, and the
 * view settings. Each part reads from the store what it shows: an edit re-renders only the selection's tools.
 */
export const Toolbar = memo(function Toolbar({ store, filter, onFilter, showMasks, onShowMasks, onHelp, assist }: Props) {
  const tool = useEditorState(store, (s) => s.tool);
  const brushRadius = useEditorState(store, (s) => s.brushRadius);
  const canUndo = useEditorState(store, (s) => s.canUndo);
  const canRedo = useEditorState(store, (s) => s.canRedo);
  const notice = useEditorState(store, (s) => s.notice);
  const maskOutline = useEditorState(store, (s) => s.maskOutline);
  const maskOpacity = useEditorState(store, (s) => s.maskOpacity);
  return (
    <div className="toolbar" role="toolbar" aria-label="Editor">
      <div className="tool-group">
        {TOOLS.map((t) => (
          <button key={t.name} type="button" aria-pressed={tool === t.name} onClick={() => store.setTool(t.name)} title={t.title}>
            {t.label}
          </button>
        ))}
        {(tool === 'brush' || tool === 'eraser') && (
          <span className="brush-size" data-testid="brush-radius" title="Brush radius in image pixels ([ smaller, ] larger)">
            r {brushRadius}
          </span>
        )}
      </div>
      <NewLabel store={store} />
      <SelectionTools store={store} assist={assist} />
      <div className="tool-group">
        <button type="button" disabled={!canUndo} onClick={() => void store.undo()} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" disabled={!canRedo} onClick={() => void store.redo()} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </div>
      {notice && (
        <span className="editor-notice" role="status" data-testid="editor-notice">
          {notice}
          <button type="button" className="small" onClick={() => store.setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </span>
      )}
      <span className="status-spacer" />
      <label className="tool-group">
        <input type="checkbox" checked={showMasks} onChange={(e) => onShowMasks(e.target.checked)} /> Masks
      </label>
      <label className="tool-group" title="Outline masks (O)">
        <input type="checkbox" checked={maskOutline} onChange={(e) => store.setMaskStyle({ maskOutline: e.target.checked })} /> Outline
      </label>
      <label className="tool-group slider" title="Mask fill opacity">
        ▦
        <input
          type="range"
          aria-label="Mask opacity"
          min={0}
          max={100}
          value={Math.round(maskOpacity * 100)}
          onChange={(e) => store.setMaskStyle({ maskOpacity: Number(e.target.value) / 100 })}
        />
      </label>
      <label className="tool-group">
        Filter
        <select aria-label="View filter" value={filter.kind} onChange={(e) => onFilter({ ...filter, kind: e.target.value as FilterName })}>
          {Object.entries(FILTER_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="tool-group slider" title="Brightness">
        ☀
        <input
          type="range"
          aria-label="Brightness"
          min={-100}
          max={100}
          value={filter.brightness}
          onChange={(e) => onFilter({ ...filter, brightness: Number(e.target.value) })}
        />
      </label>
      <label className="tool-group slider" title="Contrast">
        ◐
        <input
          type="range"
          aria-label="Contrast"
          min={-100}
          max={100}
          value={filter.contrast}
          onChange={(e) => onFilter({ ...filter, contrast: Number(e.target.value) })}
        />
      </label>
      <button type="button" onClick={onHelp} title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
});

/** The label, crowd flag and masks of the selected boxes, and box to mask for them. */
function SelectionTools({ store, assist }: { store: EditorStore; assist: MaskAssist }) {
  const annotations = useEditorState(store, (s) => s.annotations);
  const selection = useEditorState(store, (s) => s.selection);
  const activeCategoryId = useEditorState(store, (s) => s.activeCategoryId);
  const categories = useEditorState(store, (s) => s.categories);
  const selected = useMemo(() => annotationsWithIds(annotations, selection), [annotations, selection]);
  const hasMask = selected.some((a) => a.mask);
  const label = selected.length > 0 && selected.every((a) => a.categoryId === selected[0].categoryId) ? selected[0].categoryId : activeCategoryId;
  return (
    <>
      <label className="tool-group">
        Label
        <select aria-label="Label" value={label ?? ''} onChange={(e) => void setCategory(store, Number(e.target.value))}>
          {categories.map((c, i) => (
            <option key={c.id} value={c.id}>
              {i < 9 ? `${i + 1} · ` : ''}
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={selected.length === 0} onClick={() => void toggleCrowd(store)} title="Toggle iscrowd (C)">
        {selected.length > 0 && selected.every((a) => a.iscrowd) ? 'Crowd ✓' : 'Crowd'}
      </button>
      <div className="tool-group" role="group" aria-label="Mask">
        <button type="button" disabled={!hasMask} onClick={() => void fillSelectedHoles(store)} title="Fill the holes of the selected masks (H)">
          Fill holes
        </button>
        <button
          type="button"
          disabled={!hasMask}
          onClick={() => void keepSelectedLargestPieces(store)}
          title="Keep only the largest piece of the selected masks (K)"
        >
          Largest piece
        </button>
        <button type="button" disabled={!hasMask} onClick={() => void clearSelectedMasks(store)} title="Clear the selected masks; the boxes stay (X)">
          Clear mask
        </button>
      </div>
      <MaskFromModel assist={assist} hasSelection={selected.length > 0} />
    </>
  );
}
