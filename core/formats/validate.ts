import type { ImageId } from '../eval/types.js';

/** A COCO file that cannot be read; the message names the offending record. */
export class CocoFormatError extends Error {
  override name = 'CocoFormatError';
}

export function fail(where: string, message: string): never {
  throw new CocoFormatError(`${where}: ${message}`);
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * What kind of value `v` is, for a message about a field of the wrong type. A string is never quoted: a file of
 * another kind (a key kept as a JSON string, say) must not come back in the message.
 */
export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v === '' ? 'an empty string' : 'a string';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

export function objectAt(v: unknown, where: string): Json {
  if (!isObject(v)) fail(where, `must be an object, got ${describe(v)}`);
  return v;
}

export function arrayField(o: Json, key: string, where: string, required: boolean): unknown[] {
  const v = o[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v)) fail(where, `${key} must be an array, got ${describe(v)}`);
  return v;
}

export function numberField(o: Json, key: string, where: string, check?: (v: number) => string | null): number {
  const v = o[key];
  if (!isFiniteNumber(v)) fail(where, `${key} must be a number, got ${describe(v)}`);
  const problem = check?.(v);
  if (problem) fail(where, `${key} ${problem}, got ${v}`);
  return v;
}

export const integer = (v: number): string | null => (Number.isSafeInteger(v) ? null : 'must be an integer');
export const nonNegative = (v: number): string | null => (v >= 0 ? null : 'must not be negative');
export const positiveInteger = (v: number): string | null => (Number.isSafeInteger(v) && v > 0 ? null : 'must be a positive integer');

/** `[x, y, w, h]`: four finite numbers, width and height not negative. */
export function boxField(o: Json, key: string, where: string): [number, number, number, number] {
  const v = o[key];
  if (!Array.isArray(v) || v.length !== 4 || !v.every(isFiniteNumber)) {
    fail(where, `${key} must be 4 numbers [x, y, width, height], got ${describe(v)}`);
  }
  if (v[2] < 0 || v[3] < 0) fail(where, `${key} has a negative size [${v.join(', ')}]`);
  return [v[0], v[1], v[2], v[3]];
}

/**
 * Image ids are integers or strings; a string of decimal digits is read as its integer, so `"2299"` and
 * `2299` name one image.
 */
export function imageIdOf(v: unknown): ImageId | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : null;
  if (typeof v !== 'string' || v.length === 0) return null;
  if (/^(0|[1-9][0-9]*)$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  return v;
}

export function imageIdField(o: Json, key: string, where: string): ImageId {
  const id = imageIdOf(o[key]);
  if (id === null) fail(where, `${key} must be an integer or a non-empty string, got ${describe(o[key])}`);
  return id;
}
