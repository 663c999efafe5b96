import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository (or packaged app) root, found from this file's place in src or dist. */
export function appRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'pedlab') return dir;
    } catch {
      /* keep walking up */
    }
    dir = join(dir, '..');
  }
  throw new Error('Cannot locate the Pedlab installation (package.json not found).');
}

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
