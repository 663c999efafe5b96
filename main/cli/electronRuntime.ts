import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../version.js';

function electronPackageDir(): string {
  return join(appRoot(), 'node_modules', 'electron');
}

/** The Electron binary when its runtime is installed; never triggers a download. */
export function electronBinary(): string | null {
  const dir = electronPackageDir();
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Fetches the Electron runtime with the electron package's own installer (it is downloaded on first use, not by
 * npm ci). Returns why it failed, or null on success.
 */
export function installElectronRuntime(): string | null {
  const installer = join(electronPackageDir(), 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed';
  const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 300_000 });
  if (result.status === 0 && electronBinary()) return null;
  const reason = `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').find((l) => /error|failed/i.test(l));
  return reason?.trim() || `the installer exited with ${result.status ?? result.signal}`;
}
