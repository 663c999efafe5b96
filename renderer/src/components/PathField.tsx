import type { PathPurpose } from '../../../core/ipc/types';
import { api, hasNativeDialogs } from '../api/client';

interface Props {
  id: string;
  label: string;
  value: string;
  /** What the native dialog asks for; with several (a file or a folder of them), one button each. */
  purpose: PathPurpose | readonly PathPurpose[];
  onChange(path: string): void;
  placeholder?: string;
  autoFocus?: boolean;
}

/**
 * A path, typed in the web host; chosen with the host's own dialog in the desktop app, which takes no path the page
 * typed, so there the field only shows the choice.
 */
export function PathField({ id, label, value, purpose, onChange, placeholder, autoFocus }: Props) {
  const purposes = typeof purpose === 'string' ? [purpose] : purpose;
  const browse = async (choice: PathPurpose) => {
    const { path } = await api['dialog.pickPath']({ purpose: choice });
    if (path) onChange(path);
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="path-field">
        <input
          id={id}
          autoFocus={autoFocus && !hasNativeDialogs}
          value={value}
          readOnly={hasNativeDialogs}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          spellCheck={false}
        />
        {hasNativeDialogs &&
          purposes.map((p, i) => (
            <button key={p} type="button" autoFocus={autoFocus && i === 0} onClick={() => void browse(p)}>
              {purposes.length === 1 ? 'Browse…' : p.endsWith('-folder') ? 'Folder…' : 'File…'}
            </button>
          ))}
      </div>
    </>
  );
}
