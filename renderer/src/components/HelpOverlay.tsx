import { helpRows } from '../editor/actions';

const VIEW_HELP: [string, string][] = [
  ['Wheel', 'Zoom at the cursor'],
  ['Space+drag, middle drag', 'Pan'],
  ['Drag on the image', 'Draw a box (draw tool), paint or erase (brush, eraser), or select boxes (select tool)'],
  ['Shift+drag (brush, eraser)', 'A straight line from the press'],
  ['Click (polygon tool)', 'Place a vertex; on the first vertex, close the polygon'],
  ['Click, Shift+click', 'Select a box, add to the selection'],
  ['Drag a selected box, its handles', 'Move, resize'],
];

/**
 * Every shortcut once, listed from the actions themselves so the list cannot go stale. The list scrolls inside
 * the dialog, so the dialog fits any window and its Close button stays in view.
 */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const rows = [...helpRows().map((r) => [r.keys, r.label]), ...VIEW_HELP];
  return (
    <div className="dialog-backdrop" role="presentation" onClick={onClose}>
      <div className="dialog help" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <div className="help-body" data-testid="help-body">
          <table>
            <tbody>
              {rows.map(([keys, what]) => (
                <tr key={keys}>
                  <td className="keys">{keys}</td>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="dialog-buttons">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
