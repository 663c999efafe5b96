import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

const known = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

/** The SHA-256 of a file, remembered while its size and modification time stay the same. */
export async function fileSha256(path: string): Promise<string> {
  const info = await stat(path);
  const seen = known.get(path);
  if (seen && seen.size === info.size && seen.mtimeMs === info.mtimeMs) return seen.sha256;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const sha256 = hash.digest('hex');
  known.set(path, { size: info.size, mtimeMs: info.mtimeMs, sha256 });
  return sha256;
}
