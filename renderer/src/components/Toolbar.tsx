import type { EditorState, EditorStore } from '../editor/editorStore';
import { setCategory, toggleCrowd } from '../editor/operations';
import { FILTER_LABELS, type FilterName, type ViewFilter } from '../canvas/filters';
import { NewLabel } from './NewLabel';

interface Props {
  store: EditorStore;
  state: EditorState;
  filter: ViewFilter;
  onFilter(filter: ViewFilter): void;
  showMasks: boolean;
  onShowMasks(show: boolean): void;
  onHelp(): void;
}

/** Tools, the label of the selection, undo/redo, what the last bulk action did, and the view filters. */
export function Toolbar({ store, state, filter, onFilter, showMasks, onShowMasks, onHelp }: Props) {
  const selected = store.selected();
  const label = selected.length > 0 && selected.every((a) => a.categoryId === selected[0].categoryId) ? selected[0].categoryId : state.activeCategoryId;
  return (
    <div className="toolbar" role="toolbar" aria-label="Editor">
      <div className="tool-group">
        <button type="button" aria-pressed={state.tool === 'select'} onClick={() => store.setTool('select')} title="Select (V)">
          Select
        </button>
        <button type="button" aria-pressed={state.tool === 'box'} onClick={() => store.setTool('box')} title="Draw box (W or R)">
          Draw box
        </button>
      </div>
      <NewLabel store={store} />
      <label className="tool-group">
        Label
        <select
          aria-label="Label"
          value={label ?? ''}
          onChange={(e) => void setCategory(store, Number(e.target.value))}
        >
          {state.categories.map((c, i) => (
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
      <div className="tool-group">
        <button type="button" disabled={!state.canUndo} onClick={() => void store.undo()} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" disabled={!state.canRedo} onClick={() => void store.redo()} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </div>
      {state.notice && (
        <span className="editor-notice" role="status" data-testid="editor-notice">
          {state.notice}
          <button type="button" className="small" onClick={() => store.setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </span>
      )}
      <span className="status-spacer" />
      <label className="tool-group">
        <input type="checkbox" checked={showMasks} onChange={(e) => onShowMasks(e.target.checked)} /> Masks
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
        <input type="range" aria-label="Brightness" min={-100} max={100} value={filter.brightness} onChange={(e) => onFilter({ ...filter, brightness: Number(e.target.value) })} />
      </label>
      <label className="tool-group slider" title="Contrast">
        ◐
        <input type="range" aria-label="Contrast" min={-100} max={100} value={filter.contrast} onChange={(e) => onFilter({ ...filter, contrast: Number(e.target.value) })} />
      </label>
      <button type="button" onClick={onHelp} title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
}
