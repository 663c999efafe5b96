import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDir } from '../project/dataDir.js';

/** How many written files are remembered; the oldest are forgotten first. */
const MAX_ENTRIES = 20_000;

type Ledger = Record<string, [size: number, mtimeMs: number]>;

function ledgerPath(): string {
  return join(dataDir(), 'written-files.json');
}

function readLedger(): Ledger {
  try {
    const parsed: unknown = JSON.parse(readFileSync(ledgerPath(), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Ledger) : {};
  } catch {
    return {};
  }
}

/**
 * The files Pedlab's exports wrote, with the size and modification time each had then, kept in the data folder.
 * A file still as Pedlab left it may be replaced by the next export; one changed since, or never written by
 * Pedlab, needs the user's confirmation.
 */
export const writtenFiles = {
  /** Whether `path` is a file Pedlab wrote and nobody has changed since. */
  unchangedSinceWritten(path: string): boolean {
    const entry = readLedger()[path];
    if (!entry) return false;
    try {
      const now = statSync(path);
      return now.size === entry[0] && now.mtimeMs === entry[1];
    } catch {
      return false;
    }
  },

  record(paths: readonly string[]): void {
    const ledger = readLedger();
    for (const path of paths) {
      delete ledger[path];
      const now = statSync(path);
      ledger[path] = [now.size, now.mtimeMs];
    }
    const entries = Object.entries(ledger);
    const kept = Object.fromEntries(entries.slice(Math.max(0, entries.length - MAX_ENTRIES)));
    const file = ledgerPath();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(kept));
    renameSync(`${file}.tmp`, file);
  },
};
