import { isAbsolute, relative, resolve } from 'node:path';
import type { PathPurpose } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';

/** What a purpose's dialog hands over: a folder (and what lies inside it) or one file, to read or to write. */
const PURPOSES: Record<PathPurpose, { folder: boolean; write: boolean; what: string }> = {
  'project-folder': { folder: true, write: false, what: 'folder of images' },
  'import-file': { folder: false, write: false, what: 'file to import' },
  'import-folder': { folder: true, write: false, what: 'folder to import' },
  'model-file': { folder: false, write: false, what: 'model file' },
  'export-file': { folder: false, write: true, what: 'file to export to' },
  'export-folder': { folder: true, write: true, what: 'folder to export to' },
  'report-folder': { folder: true, write: true, what: 'report folder' },
};

export type PathUse = 'read' | 'write';

interface Grant {
  folder: boolean;
  write: boolean;
  /** The user confirmed replacing it in the dialog (a save dialog asks before it answers an existing file). */
  overwriteConfirmed: boolean;
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Which paths the renderer may name. In the Electron host, only those the main process's own dialogs answered (and
 * the folders main itself opened): a path typed or forged by the page is refused. The web host has no native
 * dialogs, so it takes typed paths; what protects the user's files there is the export rule (`outputFiles.ts`):
 * nothing Pedlab did not write is replaced without a confirmation in the page.
 */
export class PathAccess {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly dialogsOnly: boolean) {}

  grant(path: string, purpose: PathPurpose, overwriteConfirmed = false): string {
    const full = resolve(path);
    const { folder, write } = PURPOSES[purpose];
    const before = this.grants.get(full);
    this.grants.set(full, {
      folder: folder || !!before?.folder,
      write: write || !!before?.write,
      overwriteConfirmed: overwriteConfirmed || !!before?.overwriteConfirmed,
    });
    return full;
  }

  /** The full path when this host may use it as asked; otherwise a refusal that says how to choose it. */
  check(path: string, use: PathUse, purpose: PathPurpose): string {
    const full = resolve(path);
    if (!this.dialogsOnly) return full;
    const exact = this.grants.get(full);
    if (exact && (use === 'read' || exact.write)) return full;
    if (use === 'read') for (const [granted, g] of this.grants) if (g.folder && inside(full, granted)) return full;
    throw new PedlabError(
      'path-not-granted',
      `The desktop app uses only paths chosen in its own dialogs: choose the ${PURPOSES[purpose].what} with Browse… (${full} was typed or sent by the page).`,
    );
  }

  /** Whether the dialog that granted this file already confirmed replacing it. */
  overwriteConfirmed(path: string): boolean {
    return !!this.grants.get(resolve(path))?.overwriteConfirmed;
  }
}
