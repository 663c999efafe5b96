import { PedlabError } from '../errors.js';

function sqliteCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Whether a failure means the file is not a sound SQLite database. */
export function isDamage(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * A storage failure in words a user can act on (disk full, I/O error, damaged or read-only file), or null when the
 * error is not one. A failed write is rolled back by SQLite, so each message can say that nothing saved before is lost.
 */
export function storeFailure(err: unknown): PedlabError | null {
  const code = sqliteCode(err);
  if (!code) return null;
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_FULL') {
    return new PedlabError('disk-full', 'The disk is full, so this change was not saved. Free some space and try again; everything saved before is intact.');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new PedlabError('disk-error', `The disk could not be written (${detail}), so this change was not saved; everything saved before is intact.`);
  }
  if (code.startsWith('SQLITE_READONLY')) return new PedlabError('store-readonly', `The project file cannot be written (${detail}).`);
  if (isDamage(err)) {
    return new PedlabError('store-damaged', `The project database is damaged (${detail}). Reopen the folder to restore a snapshot.`);
  }
  return null;
}
