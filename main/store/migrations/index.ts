import { initial } from './001_initial.js';
import type { Migration } from './migration.js';

export const migrations: readonly Migration[] = [initial];
