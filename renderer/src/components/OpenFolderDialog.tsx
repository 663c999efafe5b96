import { useState } from 'react';
import { FormDialog } from './FormDialog';

interface Props {
  initial: string;
  onOpen(folder: string): Promise<void>;
  onCancel(): void;
}

/** Asks for a folder path; used where the host has no native folder picker. */
export function OpenFolderDialog({ initial, onOpen, onCancel }: Props) {
  const [folder, setFolder] = useState(initial);
  return (
    <FormDialog
      label="Open folder"
      title="Open a folder of images"
      submitLabel="Open"
      busyLabel="Opening…"
      ready={folder.trim() !== ''}
      onSubmit={() => onOpen(folder.trim())}
      onCancel={onCancel}
    >
      <label htmlFor="folder-path">Folder path</label>
      <input id="folder-path" autoFocus value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/home/me/pedestrians" spellCheck={false} />
    </FormDialog>
  );
}
