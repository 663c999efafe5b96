import type { ImageId } from './types.js';

export type IouType = 'bbox' | 'segm';

/** Per-threshold outcomes are kept as bits of one 32-bit word. */
export const MAX_IOU_THRESHOLDS = 32;

export interface EvalParams {
  readonly iouType: IouType;
  /** IoU thresholds, default 0.50:0.05:0.95. */
  readonly iouThrs: readonly number[];
  /** Recall levels at which precision is read, default 0:0.01:1. */
  readonly recThrs: readonly number[];
  /** Detections kept per image and category, ascending; the last one bounds matching. */
  readonly maxDets: readonly number[];
  /** Inclusive `[min, max]` area ranges and their labels. */
  readonly areaRng: readonly (readonly [number, number])[];
  readonly areaRngLbl: readonly string[];
  /** When false, categories are pooled: any detection may match any ground truth of its image. */
  readonly useCats: boolean;
  /** Images to evaluate; null for every ground-truth image. */
  readonly imgIds: readonly ImageId[] | null;
  /** Categories to evaluate; null for every ground-truth category. */
  readonly catIds: readonly number[] | null;
}

/** numpy.linspace, value for value: `start + i * ((stop - start) / (num - 1))`, the last one exactly `stop`. */
export function linspace(start: number, stop: number, num: number): number[] {
  if (num <= 0) return [];
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  const out: number[] = [];
  for (let i = 0; i < num; i++) out.push(i * step + start);
  out[num - 1] = stop;
  return out;
}

/**
 * IoU thresholds below COCO's, 0.10:0.05:0.45, for looking at loose matches (the compare view's IoU slider below
 * 0.50); the 12 COCO stats always come from the default thresholds.
 */
export const LOOSE_IOU_THRS: readonly number[] = linspace(0.1, 0.45, Math.round((0.45 - 0.1) / 0.05) + 1);

export function defaultParams(iouType: IouType): EvalParams {
  return {
    iouType,
    iouThrs: linspace(0.5, 0.95, Math.round((0.95 - 0.5) / 0.05) + 1),
    recThrs: linspace(0, 1, Math.round((1 - 0) / 0.01) + 1),
    maxDets: [1, 10, 100],
    areaRng: [
      [0, 1e10],
      [0, 32 ** 2],
      [32 ** 2, 96 ** 2],
      [96 ** 2, 1e10],
    ],
    areaRngLbl: ['all', 'small', 'medium', 'large'],
    useCats: true,
    imgIds: null,
    catIds: null,
  };
}

export type ParamsInput = Partial<EvalParams> & { readonly iouType: IouType };

/** Defaults overridden by `input`, checked, with maxDets sorted ascending (as COCOeval.evaluate does). */
export function resolveParams(input: ParamsInput): EvalParams {
  if (input.iouType !== 'bbox' && input.iouType !== 'segm') {
    throw new Error(`iouType must be "bbox" or "segm", got ${JSON.stringify(input.iouType)}`);
  }
  const p = { ...defaultParams(input.iouType), ...stripUndefined(input) };
  checkNumbers('iouThrs', p.iouThrs, (v) => v >= 0 && v <= 1);
  if (p.iouThrs.length > MAX_IOU_THRESHOLDS) throw new Error(`at most ${MAX_IOU_THRESHOLDS} IoU thresholds are supported`);
  checkNumbers('recThrs', p.recThrs, (v) => v >= 0 && v <= 1);
  checkNumbers('maxDets', p.maxDets, (v) => Number.isInteger(v) && v > 0);
  if (p.areaRng.length === 0) throw new Error('areaRng must not be empty');
  p.areaRng.forEach((r, i) => {
    if (r.length !== 2 || !(r[0] <= r[1])) throw new Error(`areaRng[${i}] must be [min, max] with min <= max`);
  });
  if (p.areaRngLbl.length !== p.areaRng.length) {
    throw new Error(`areaRngLbl has ${p.areaRngLbl.length} labels for ${p.areaRng.length} area ranges`);
  }
  return {
    ...p,
    maxDets: [...p.maxDets].sort((a, b) => a - b),
    catIds: p.catIds === null ? null : [...new Set(p.catIds)].sort((a, b) => a - b),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkNumbers(name: string, values: readonly number[], ok: (v: number) => boolean): void {
  if (values.length === 0) throw new Error(`${name} must not be empty`);
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new Error(`${name}[${i}] is invalid: ${v}`);
  });
}
