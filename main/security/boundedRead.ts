import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** The most Pedlab reads of each kind of file: far above any real one, far below what would exhaust memory. */
export const READ_LIMITS = {
  image: 512 * 1024 * 1024,
  /** Below V8's longest string, since annotation files are read as text. */
  annotations: 500 * 1024 * 1024,
  mask: 64 * 1024 * 1024,
  model: 2 * 1024 * 1024 * 1024 - 1,
} as const;

/** A file Pedlab will not read, with the reason in words (no content of the file). */
export class FileRefusedError extends Error {
  override name = 'FileRefusedError';
}

/** What a path that is not a regular file is, in words ("a folder", "a named pipe", …). */
export function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

const notAFile = (info: Stats) => (info.isFile() ? null : `is ${fileKind(info)}, not a regular file`);

/** Why `info` is not a file Pedlab reads, or null when it is one. */
function refusalOf(info: Stats, limit: number): string | null {
  const odd = notAFile(info);
  if (odd) return odd;
  if (info.size > limit) return `is ${mb(info.size)}, more than the ${mb(limit)} Pedlab reads`;
  return null;
}

/** Whether `path` exists and is something other than a regular file (a device, pipe, socket or folder). */
export async function notRegularFile(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  return info ? notAFile(info) : null;
}

/**
 * Reads a whole file, refusing anything but a regular file of at most `limit` bytes. The file is opened without
 * blocking (a named pipe would otherwise wait for a writer) and checked through the open handle, so a path swapped
 * between the check and the read is caught, and never more than the size it had when opened is read.
 */
export async function readBoundedFile(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    const refusal = refusalOf(info, limit);
    if (refusal) throw new FileRefusedError(refusal);
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const { bytesRead } = await handle.read(bytes, filled, info.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === info.size ? bytes : bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** The reason a read failed, in words: the refusal, or the system's error code. */
export function readFailure(err: unknown): string {
  if (err instanceof FileRefusedError) return err.message;
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}
