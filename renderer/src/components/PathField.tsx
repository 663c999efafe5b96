import { useState } from 'react';
import type { PathPurpose } from '../../../core/ipc/types';
import { api, hasNativeDialogs } from '../api/client';
import { FolderBrowser } from './FolderBrowser';

interface Props {
  id: string;
  label: string;
  value: string;
  /** What the dialog asks for; with several (a file or a folder of them), one button each. */
  purpose: PathPurpose | readonly PathPurpose[];
  onChange(path: string): void;
  placeholder?: string;
  autoFocus?: boolean;
}

/**
 * A path: chosen with the host's own dialog in the desktop app, which takes no path the page typed, so there the
 * field only shows the choice; typed, or chosen in the page's folder browser, in the web host.
 */
export function PathField({ id, label, value, purpose, onChange, placeholder, autoFocus }: Props) {
  const purposes = typeof purpose === 'string' ? [purpose] : purpose;
  const [browsing, setBrowsing] = useState<PathPurpose | null>(null);
  const browse = async (choice: PathPurpose) => {
    if (!hasNativeDialogs) return setBrowsing(browsing === choice ? null : choice);
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
        {purposes.map((p, i) => (
          <button
            key={p}
            type="button"
            autoFocus={autoFocus && hasNativeDialogs && i === 0}
            aria-expanded={hasNativeDialogs ? undefined : browsing === p}
            onClick={() => void browse(p)}
          >
            {purposes.length === 1 ? 'Browse…' : p.endsWith('-folder') ? 'Folder…' : 'File…'}
          </button>
        ))}
      </div>
      {browsing && (
        <FolderBrowser
          purpose={browsing}
          start={value}
          onClose={() => setBrowsing(null)}
          onPick={(path) => {
            onChange(path);
            setBrowsing(null);
          }}
        />
      )}
    </>
  );
}
