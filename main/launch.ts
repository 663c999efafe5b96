import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HostKind } from '../core/ipc/types.js';
import { readAppState } from './project/appState.js';
import { Services, type HostOptions } from './services.js';
import { appRoot } from './version.js';

export function rendererDir(): string {
  return join(appRoot(), 'dist', 'renderer');
}

export function sampleProjectDir(): string {
  return join(appRoot(), 'samples', 'vtest');
}

/** The folder to open at launch: the one asked for, else the last one, else the bundled sample. */
export function startupFolder(requested?: string): string {
  if (requested) return resolve(requested);
  const last = readAppState().lastFolder;
  if (last && existsSync(last)) return last;
  return sampleProjectDir();
}

/** Services with the start-up project open. */
export async function launchServices(host: HostKind, requested?: string, options: Omit<HostOptions, 'host'> = {}): Promise<Services> {
  const services = new Services({ host, ...options });
  await services.openFolder(startupFolder(requested));
  return services;
}
