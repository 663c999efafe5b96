import { useState } from 'react';
import { FormDialog } from './FormDialog';
import { PathField } from './PathField';

interface Props {
  initial: string;
  onOpen(folder: string): Promise<void>;
  onCancel(): void;
}

/** Asks for a folder path, typed or chosen in the folder browser; used where the host has no native folder picker. */
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
      <PathField
        id="folder-path"
        label="Folder path"
        purpose="project-folder"
        autoFocus
        value={folder}
        onChange={setFolder}
        placeholder="/home/me/pedestrians"
      />
    </FormDialog>
  );
}
