import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PedlabError } from '../errors.js';
import type { Db } from './database.js';

/** How many automatic snapshots are kept beside each project database. */
export const SNAPSHOTS_KEPT = 5;
/** An open takes a new snapshot only when the newest is older than this. */
const SNAPSHOT_INTERVAL_MS = 60 * 60 * 1000;

export interface Snapshot {
  name: string;
  path: string;
  takenAt: string;
  bytes: number;
}

const SNAPSHOT_NAME = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)(?:-\d+)?\.pedlab$/;

/** The folder beside a project database that holds its snapshots. */
export function snapshotDir(dbPath: string): string {
  return join(dirname(dbPath), 'snapshots', basename(dbPath).replace(/\.pedlab$/, ''));
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A project's snapshots, newest first. */
export function listSnapshots(dbPath: string): Snapshot[] {
  const dir = snapshotDir(dbPath);
  if (!existsSync(dir)) return [];
  const found: Snapshot[] = [];
  for (const name of readdirSync(dir)) {
    const match = SNAPSHOT_NAME.exec(name);
    if (!match) continue;
    const takenAt = match[1].replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
    found.push({ name, path: join(dir, name), takenAt, bytes: statSync(join(dir, name)).size });
  }
  return found.sort((a, b) => b.name.localeCompare(a.name));
}

/** Writes a consistent copy of an open database with SQLite's online backup; the file appears only once complete. */
export async function backupTo(db: Db, out: string): Promise<void> {
  if (existsSync(out)) throw new PedlabError('backup-exists', `${out} already exists; choose another file.`);
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    renameSync(partial, out);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** Takes a snapshot beside the database and keeps only the newest `keep`. */
export async function takeSnapshot(db: Db, dbPath: string, keep = SNAPSHOTS_KEPT): Promise<Snapshot> {
  const dir = snapshotDir(dbPath);
  let name = `${stamp()}.pedlab`;
  for (let n = 1; existsSync(join(dir, name)); n++) name = `${stamp()}-${n}.pedlab`;
  await backupTo(db, join(dir, name));
  for (const old of listSnapshots(dbPath).slice(keep)) rmSync(old.path, { force: true });
  return listSnapshots(dbPath).find((s) => s.name === name)!;
}

/** Whether an open should take a snapshot: none yet, or the newest is older than the interval. */
export function snapshotDue(dbPath: string): boolean {
  const newest = listSnapshots(dbPath)[0];
  return !newest || Date.now() - Date.parse(newest.takenAt) >= SNAPSHOT_INTERVAL_MS;
}

/** The problems PRAGMA integrity_check finds in a database file, or an empty list when it is sound. */
export function checkFile(path: string): string[] {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check(5)') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check);
    return problems.join() === 'ok' ? [] : problems;
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  } finally {
    db?.close();
  }
}

/**
 * Puts a snapshot (or a backup file) in place of a project database. The source is checked first; the file it
 * replaces, with its WAL, is kept beside it under a `.replaced-…` name, never deleted. Returns that name.
 */
export function restoreFile(dbPath: string, source: string): string | null {
  const problems = checkFile(source);
  if (problems.length) throw new PedlabError('snapshot-damaged', `${source} cannot be restored: ${problems.join('; ')}`);
  let keptAs: string | null = null;
  if (existsSync(dbPath)) {
    keptAs = `${dbPath}.replaced-${stamp()}`;
    renameSync(dbPath, keptAs);
    for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, keptAs + suffix);
  }
  mkdirSync(dirname(dbPath), { recursive: true });
  const partial = `${dbPath}.restoring`;
  copyFileSync(source, partial);
  renameSync(partial, dbPath);
  return keptAs;
}
