import { initial } from './001_initial.js';
import { inference } from './002_inference.js';
import type { Migration } from './migration.js';

export const migrations: readonly Migration[] = [initial, inference];
