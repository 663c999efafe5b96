import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectDbPathFor } from '../../project/projectService.js';
import { checkFile, listSnapshots, restoreFile } from '../../store/snapshots.js';
import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';

const HELP = `usage: pedlab restore --project FOLDER [--list] [FILE]

Puts a snapshot (or a file written by \`pedlab backup\`) in place of a project's database. Without FILE it restores
the newest snapshot that passes SQLite's integrity check. The database it replaces is never deleted: it is kept
beside it, renamed *.replaced-DATE. Quit Pedlab (or open another folder in it) first.

  --list   list the project's snapshots, newest first, and change nothing`;

export const restoreCommand: Command = {
  summary: "put a snapshot or backup in place of a project's database (the old file is kept)",
  async run(argv) {
    const parsed = parseCommand(
      'restore',
      argv,
      { project: { type: 'string' }, list: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      HELP,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (!values.project || positionals.length > 1) {
      return usageError('restore', values.project ? 'give at most one FILE' : '--project is required', HELP);
    }
    const dbPath = projectDbPathFor(values.project);
    const snapshots = listSnapshots(dbPath);
    if (values.list) {
      if (!snapshots.length) console.log(`No snapshots of ${dbPath}.`);
      for (const s of snapshots) console.log(`${s.name}  ${s.takenAt}  ${s.bytes} bytes`);
      return 0;
    }
    let source = positionals[0] ? resolve(positionals[0]) : null;
    if (source && !existsSync(source)) throw new Error(`${source} does not exist.`);
    if (!source) {
      source = snapshots.find((s) => checkFile(s.path).length === 0)?.path ?? null;
      if (!source) throw new Error(`No sound snapshot of ${dbPath} to restore.`);
    }
    const keptAs = restoreFile(dbPath, source);
    console.log(`Restored ${dbPath} from ${source}.`);
    if (keptAs) console.log(`The database it replaced is kept as ${keptAs}.`);
    return 0;
  },
};
