import type { PathPurpose } from '../../../core/ipc/types';
import { api, hasNativeDialogs } from '../api/client';

interface Props {
  id: string;
  label: string;
  value: string;
  purpose: PathPurpose;
  onChange(path: string): void;
  placeholder?: string;
  autoFocus?: boolean;
}

/**
 * A path, typed in the web host; chosen with the host's own dialog in the desktop app, which takes no path the page
 * typed, so there the field only shows the choice.
 */
export function PathField({ id, label, value, purpose, onChange, placeholder, autoFocus }: Props) {
  const browse = async () => {
    const { path } = await api['dialog.pickPath']({ purpose });
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
        {hasNativeDialogs && (
          <button type="button" autoFocus={autoFocus} onClick={() => void browse()}>
            Browse…
          </button>
        )}
      </div>
    </>
  );
}
