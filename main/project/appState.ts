import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDir } from './dataDir.js';

/** What Pedlab remembers between launches. */
export interface AppState {
  lastFolder?: string;
}

function statePath(): string {
  return join(dataDir(), 'state.json');
}

export function readAppState(): AppState {
  try {
    const parsed: unknown = JSON.parse(readFileSync(statePath(), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as AppState) : {};
  } catch {
    return {};
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function writeAppState(state: AppState): void {
  const path = statePath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${path}.tmp`, path);
}
