import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectDbPathFor } from '../../project/projectService.js';
import { openDatabase } from '../../store/database.js';
import { SNAPSHOTS_KEPT, backupTo, takeSnapshot } from '../../store/snapshots.js';
import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';

const HELP = `usage: pedlab backup --project FOLDER [OUT]

Copies the project database of an image folder with SQLite's online backup, safe while Pedlab has the project
open. The database is checked first; a damaged one is not copied. Without OUT the copy joins the project's
snapshots (the newest ${SNAPSHOTS_KEPT} are kept), which \`pedlab restore\` and the app offer when the database is damaged.`;

export const backupCommand: Command = {
  summary: "copy a project's database (a consistent snapshot, safe while the app runs)",
  async run(argv) {
    const parsed = parseCommand('backup', argv, { project: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, HELP);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (!values.project || positionals.length > 1) {
      return usageError('backup', values.project ? 'give at most one OUT' : '--project is required', HELP);
    }
    const dbPath = projectDbPathFor(values.project);
    if (!existsSync(dbPath)) throw new Error(`${resolve(values.project)} has no Pedlab project yet (no ${dbPath}).`);
    const db = openDatabase(dbPath, { readonly: true, checkIntegrity: true });
    try {
      if (positionals.length === 1) {
        const out = resolve(positionals[0]);
        await backupTo(db, out);
        console.log(`Backed up ${dbPath} to ${out}.`);
      } else {
        const snapshot = await takeSnapshot(db, dbPath);
        console.log(`Snapshot ${snapshot.name} (${snapshot.bytes} bytes) saved in ${snapshot.path}.`);
      }
    } finally {
      db.close();
    }
    return 0;
  },
};
