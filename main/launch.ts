import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HostKind } from '../core/ipc/types.js';
import { PedlabError } from './errors.js';
import { readAppState } from './project/appState.js';
import { sampleProjectDir } from './project/sampleProject.js';
import { Services, type HostOptions } from './services.js';
import { appRoot } from './version.js';

export function rendererDir(): string {
  return join(appRoot(), 'dist', 'renderer');
}

/** The folder to open at launch: the one asked for, else the last one, else the bundled sample. */
export function startupFolder(requested?: string): string {
  if (requested) return resolve(requested);
  const last = readAppState().lastFolder;
  if (last && existsSync(last)) return last;
  return sampleProjectDir();
}

/**
 * Services with the start-up project open. A damaged project database does not stop the app: it starts with no
 * project, and the renderer offers the snapshots (`project.recovery`).
 */
export async function launchServices(host: HostKind, requested?: string, options: Omit<HostOptions, 'host'> = {}): Promise<Services> {
  const services = new Services({ host, ...options });
  try {
    await services.openFolder(startupFolder(requested));
  } catch (err) {
    if (!(err instanceof PedlabError) || err.code !== 'store-damaged') throw err;
    console.error(`[pedlab] ${err.message}`);
  }
  return services;
}
