import { lstat, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { PedlabError } from '../errors.js';
import { writtenFiles } from './writtenFiles.js';

export interface OutputOptions {
  /** The user confirmed replacing files that Pedlab did not write (or that changed since it wrote them). */
  overwrite: boolean;
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else found.push(path);
  }
  return found;
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Whether writing `dest` needs the user's confirmation (it replaces a file Pedlab did not write, or one changed
 * since); a link, or something other than a folder or file, on the way is refused outright.
 */
async function needsConfirmation(dest: string, base: string, options: OutputOptions): Promise<boolean> {
  const steps = relative(base, dest).split(sep);
  for (let i = 1; i <= steps.length; i++) {
    const path = join(base, ...steps.slice(0, i));
    const found = await lstatOrNull(path);
    if (!found) return false;
    if (found.isSymbolicLink())
      throw new PedlabError('export-refused', `${path} is a symbolic link; Pedlab does not write through links. Nothing was written.`);
    if (i < steps.length && !found.isDirectory()) throw new PedlabError('export-refused', `${path} is not a folder. Nothing was written.`);
    if (i === steps.length && !found.isFile()) throw new PedlabError('export-refused', `${path} exists and is not a regular file. Nothing was written.`);
  }
  return !options.overwrite && !writtenFiles.unchangedSinceWritten(dest);
}

/**
 * Runs `write` against a staging copy of `target` (a file or a folder) beside it, then moves every file it wrote
 * into place. Before anything moves, each destination is checked: a link or odd file on the way is refused, and an
 * existing file that Pedlab did not write, or that changed since, is replaced only with `overwrite`. A refusal
 * writes nothing. Answers what `write` answered and the files written.
 */
export async function writeOutputs<T>(target: string, options: OutputOptions, write: (staged: string) => Promise<T>): Promise<{ result: T; files: string[] }> {
  const base = dirname(target);
  await mkdir(base, { recursive: true });
  const stage = await mkdtemp(join(base, '.pedlab-staging-'));
  try {
    const result = await write(join(stage, basename(target)));
    const staged = (await filesUnder(stage)).sort();
    const dests = staged.map((file) => join(base, relative(stage, file)));
    const needConfirm: string[] = [];
    for (const dest of dests) if (await needsConfirmation(dest, base, options)) needConfirm.push(dest);
    if (needConfirm.length > 0) {
      const shown = needConfirm.slice(0, 5).join(', ');
      const more = needConfirm.length > 5 ? ` and ${needConfirm.length - 5} more` : '';
      throw new PedlabError(
        'export-exists',
        `${needConfirm.length === 1 ? '1 file already exists' : `${needConfirm.length} files already exist`} that Pedlab did not write or that changed since: ${shown}${more}. Nothing was written; confirm to replace ${needConfirm.length === 1 ? 'it' : 'them'}.`,
      );
    }
    for (const [i, dest] of dests.entries()) {
      await mkdir(dirname(dest), { recursive: true });
      await rename(staged[i], dest);
    }
    writtenFiles.record(dests);
    return { result, files: dests };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
