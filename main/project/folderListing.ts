import { constants, type Dirent } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import type { FolderEntry, FolderListing, PathPurpose } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';

/** The most entries one listing shows; the rest are counted. */
export const MAX_LISTED_ENTRIES = 500;

/** The files each purpose picks, by extension; null where it picks a folder, so no file is listed. */
const PURPOSE_FILES: Record<PathPurpose, ReadonlySet<string> | null> = {
  'project-folder': null,
  'import-file': new Set(['.json', '.xml', '.txt', '.odgt']),
  'import-folder': null,
  'model-file': new Set(['.onnx']),
  'export-file': new Set(['.json', '.odgt']),
  'export-folder': null,
  'report-folder': null,
};

/** How many entries are checked at once: each costs a stat and an access check. */
const CHECK_BATCH = 256;

export interface FolderListingRequest {
  /** The folder to list; the user's home when absent. */
  path?: string;
  purpose: PathPurpose;
  /** List the closest existing folder at or above `path` (its folder, when `path` is a file) instead of refusing. */
  nearest?: boolean;
  /** Show names beginning with a dot. */
  showHidden?: boolean;
}

function refusal(err: unknown, path: string): PedlabError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new PedlabError('folder-missing', `Folder not found: ${path}`);
  if (code === 'ENOTDIR') return new PedlabError('not-a-folder', `Not a folder: ${path}`);
  if (code === 'EACCES' || code === 'EPERM') return new PedlabError('folder-unreadable', `You may not read the folder ${path} (permission denied).`);
  return new PedlabError('folder-unreadable', `The folder ${path} cannot be read (${code ?? String(err)}).`);
}

/** The closest folder at or above `path` that exists: `path` itself, a file's folder, or an ancestor. */
async function nearestFolder(path: string): Promise<string> {
  for (let at = path; ; at = dirname(at)) {
    const info = await stat(at).catch(() => null);
    if (info?.isDirectory()) return at;
    if (dirname(at) === at) return at;
  }
}

/** What an entry is, following a link to what it points to; null for anything the user cannot read or open. */
async function entryKind(folder: string, entry: Dirent): Promise<'folder' | 'file' | null> {
  const path = join(folder, entry.name);
  let kind: 'folder' | 'file' | null = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : null;
  if (entry.isSymbolicLink()) {
    const target = await stat(path).catch(() => null);
    kind = target?.isDirectory() ? 'folder' : target?.isFile() ? 'file' : null;
  }
  if (!kind) return null;
  const readable = await access(path, kind === 'folder' ? constants.R_OK | constants.X_OK : constants.R_OK).then(
    () => true,
    () => false,
  );
  return readable ? kind : null;
}

/**
 * One folder's subfolders and the files a purpose picks, for the web host's folder browser. Links are listed as
 * what they point to, under their own name; broken links, devices, pipes and sockets are left out, as is every
 * entry the user may not read (or, for a folder, enter). Hidden names are left out unless asked for. The folder
 * itself is given with its links resolved. At most MAX_LISTED_ENTRIES entries, folders first; the rest counted.
 */
export async function listFolder(request: FolderListingRequest): Promise<FolderListing> {
  const asked = resolve(request.path ?? homedir());
  const folder = await realpath(request.nearest ? await nearestFolder(asked) : asked).catch((err: unknown) => {
    throw refusal(err, asked);
  });
  const dirents = await readdir(folder, { withFileTypes: true }).catch((err: unknown) => {
    throw refusal(err, folder);
  });
  const files = PURPOSE_FILES[request.purpose];
  const candidates = dirents.filter(
    (d) =>
      (request.showHidden || !d.name.startsWith('.')) && (d.isDirectory() || d.isSymbolicLink() || (d.isFile() && !!files?.has(extname(d.name).toLowerCase()))),
  );
  const entries: FolderEntry[] = [];
  for (let i = 0; i < candidates.length; i += CHECK_BATCH) {
    const batch = candidates.slice(i, i + CHECK_BATCH);
    const kinds = await Promise.all(batch.map((d) => entryKind(folder, d)));
    batch.forEach((d, j) => {
      const kind = kinds[j];
      if (kind === 'folder' || (kind === 'file' && files?.has(extname(d.name).toLowerCase()))) entries.push({ name: d.name, kind, path: join(folder, d.name) });
    });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'en', { numeric: true }) : a.kind === 'folder' ? -1 : 1));
  const parent = dirname(folder);
  return {
    path: folder,
    parent: parent === folder ? null : parent,
    entries: entries.slice(0, MAX_LISTED_ENTRIES),
    more: Math.max(0, entries.length - MAX_LISTED_ENTRIES),
  };
}
