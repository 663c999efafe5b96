import { failIn } from './formatError.js';
import type { BoxTuple } from './sourceAnnotations.js';

/**
 * What CityPersons and CrowdHuman share: `[x, y, w, h]` boxes, a full box with a visible part, and the
 * attributes the miss-rate metric's subsets are drawn from (`height`, the full box's, and `vis_ratio`).
 */

/** A `[x, y, w, h]` box of four numbers and non-negative size, or a failure naming the record and field. */
export function readBox(value: unknown, source: string, where: string, field: string): BoxTuple {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    failIn(source, where, `${field} must be 4 numbers`);
  }
  const [x, y, w, h] = value as number[];
  if (w < 0 || h < 0) failIn(source, where, `${field} has a negative size (${w}, ${h})`);
  return [x, y, w, h];
}

/** `vis_bbox`, `height` and `vis_ratio` (visible area over full area; 0 for an empty full box). */
export function visibilityAttributes(full: BoxTuple, visible: BoxTuple): Record<string, unknown> {
  const area = full[2] * full[3];
  return { vis_bbox: visible, height: full[3], vis_ratio: area > 0 ? (visible[2] * visible[3]) / area : 0 };
}

/** A recorded box attribute when it is one, else null. */
export function boxAttribute(value: unknown): BoxTuple | null {
  return Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (value as BoxTuple) : null;
}

/** A box on whole pixels: its edges rounded to the nearest ones. */
export function wholeBox(box: readonly number[]): BoxTuple {
  const [x, y, w, h] = box;
  const left = Math.round(x);
  const top = Math.round(y);
  return [left, top, Math.round(x + w) - left, Math.round(y + h) - top];
}
