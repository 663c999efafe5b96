import { useEffect, useState } from 'react';
import type { FolderListing, PathPurpose } from '../../../core/ipc/types';
import { api } from '../api/client';

interface Props {
  purpose: PathPurpose;
  /** Where to start: the field's path (or the nearest folder above it), else the user's home. */
  start: string;
  /** The chosen path: a file clicked, or the folder shown when the purpose takes a folder. */
  onPick(path: string): void;
  onClose(): void;
}

/** The folder a save target names, joined in the listing's own style of path. */
function inFolder(folder: string, fileName: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + fileName : `${folder}${sep}${fileName}`;
}

/** The web host's folder browser: the folders (and the files a purpose takes) of one folder at a time, listed by the host. */
export function FolderBrowser({ purpose, start, onPick, onClose }: Props) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  /** The folder asked for; at first the field's path, taken as the nearest folder at or above it. */
  const [at, setAt] = useState<{ path?: string; nearest: boolean }>({ path: start.trim() || undefined, nearest: true });

  useEffect(() => {
    let current = true;
    api['folders.list']({ ...at, purpose, showHidden }).then(
      (answer) => {
        if (!current) return;
        setListing(answer);
        setError(null);
      },
      (err: unknown) => current && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      current = false;
    };
  }, [at, purpose, showHidden]);

  const open = (path: string) => setAt({ path, nearest: false });
  const takesFolder = purpose.endsWith('-folder');
  const saveName = purpose === 'export-file' ? start.trim().split(/[\\/]/).pop() || 'export.json' : null;
  return (
    <div className="folder-browser" role="group" aria-label="Folder browser" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <div className="folder-browser-bar">
        <button type="button" onClick={() => listing?.parent && open(listing.parent)} disabled={!listing?.parent} aria-label="Up one folder">
          ↑ Up
        </button>
        <span className="folder-browser-path" data-testid="browser-path" title={listing?.path}>
          {listing?.path ?? 'Listing…'}
        </span>
        <label className="folder-browser-hidden">
          <input
            type="checkbox"
            checked={showHidden}
            onChange={(e) => {
              if (listing) open(listing.path);
              setShowHidden(e.target.checked);
            }}
          />
          Hidden
        </label>
      </div>
      {error && <div className="dialog-error">{error}</div>}
      <ul className="folder-browser-entries" aria-label="Folder contents">
        {listing?.entries.map((entry) => (
          <li key={entry.name}>
            <button type="button" className={`folder-entry ${entry.kind}`} onClick={() => (entry.kind === 'folder' ? open(entry.path) : onPick(entry.path))}>
              <span aria-hidden="true">{entry.kind === 'folder' ? '▸' : '·'}</span> {entry.name}
            </button>
          </li>
        ))}
        {listing && listing.entries.length === 0 && <li className="muted">{takesFolder ? 'No subfolders.' : 'No subfolders or files of this kind.'}</li>}
        {listing && listing.more > 0 && <li className="muted">and {listing.more} more</li>}
      </ul>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close browser
        </button>
        {(takesFolder || saveName) && (
          <button type="button" disabled={!listing} onClick={() => listing && onPick(saveName ? inFolder(listing.path, saveName) : listing.path)}>
            {saveName ? `Save here as ${saveName}` : 'Choose this folder'}
          </button>
        )}
      </div>
    </div>
  );
}
