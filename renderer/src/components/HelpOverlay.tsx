import { actions } from '../editor/actions';
import { describeChord } from '../editor/keys';

const VIEW_HELP: [string, string][] = [
  ['Wheel', 'Zoom at the cursor'],
  ['Space+drag, middle drag', 'Pan'],
  ['Drag on the image', 'Draw a box (draw tool) or select boxes (select tool)'],
  ['Click, Shift+click', 'Select a box, add to the selection'],
  ['Drag a selected box, its handles', 'Move, resize'],
];

/** Every shortcut, listed from the actions themselves so the list cannot go stale. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="dialog-backdrop" role="presentation" onClick={onClose}>
      <div className="dialog help" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {actions
              .filter((a) => !/^label-[2-9]$/.test(a.id))
              .map((a) => (
                <tr key={a.id}>
                  <td className="keys">{a.id === 'label-1' ? '1 … 9' : a.keys.map(describeChord).join(' / ')}</td>
                  <td>{a.label}</td>
                </tr>
              ))}
            {VIEW_HELP.map(([keys, what]) => (
              <tr key={keys}>
                <td className="keys">{keys}</td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
