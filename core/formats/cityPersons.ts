import { failIn } from './formatError.js';
import { boxOnly, type SourceAnnotation } from './sourceAnnotations.js';
import { describe, isObject } from './validate.js';
import { boxAttribute, readBox, visibilityAttributes, wholeBox } from './visibleBox.js';

/**
 * CityPersons ground truth as the Cityscapes scripts distribute it: one JSON file per image,
 * `gtBboxCityPersons/SPLIT/CITY/NAME_gtBboxCityPersons.json` for the image `leftImg8bit/SPLIT/CITY/NAME_leftImg8bit.png`.
 * Field names are those cityscapesscripts/helpers/annotation.py reads (`Annotation` and `CsBbox2d`): `imgWidth`,
 * `imgHeight` and `objects`, each object `label`, `instanceId`, `bbox` (full box) and `bboxVis` (visible part),
 * both `[x, y, w, h]` in whole pixels.
 */
export const CITYPERSONS_SUFFIX = '_gtBboxCityPersons.json';
export const CITYSCAPES_IMAGE_SUFFIX = '_leftImg8bit.png';

/** The labels that are regions to ignore (iscrowd): the dataset's `ignore` and `person group`. */
const IGNORE_LABELS = ['ignore', 'person group'];
/** The person labels kept as categories of their own; `pedestrian` is the project's pedestrian. */
const PERSON_LABELS = ['pedestrian', 'rider', 'sitting person', 'person (other)'];

export interface CityPersonsImage {
  width: number;
  height: number;
  annotations: SourceAnnotation[];
}

/**
 * One image's file. `pedestrian`, `rider`, `sitting person` and `person (other)` become categories of that name;
 * `ignore` and `person group` become pedestrian ignore regions (crowd annotations) that keep the label as
 * `citypersons_label`. Each annotation keeps `instance_id`, `vis_bbox`, `height` and `vis_ratio`.
 */
export function parseCityPersons(json: unknown, source: string, pedestrian: string): CityPersonsImage {
  if (!isObject(json)) failIn(source, '', `must be a CityPersons JSON object, got ${describe(json)}`);
  const size = (key: string): number => {
    const value = json[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) failIn(source, key, 'must be a whole number from 1');
    return value;
  };
  const width = size('imgWidth');
  const height = size('imgHeight');
  if (!Array.isArray(json.objects)) failIn(source, 'objects', `must be a list, got ${describe(json.objects)}`);
  const annotations = json.objects.map((object, i): SourceAnnotation => {
    const where = `objects[${i}]`;
    if (!isObject(object)) failIn(source, where, `must be an object, got ${describe(object)}`);
    const label = object.label;
    if (typeof label !== 'string' || ![...PERSON_LABELS, ...IGNORE_LABELS].includes(label)) {
      failIn(source, where, `label must be one of ${[...PERSON_LABELS, ...IGNORE_LABELS].join(', ')}`);
    }
    const bbox = readBox(object.bbox, source, where, 'bbox');
    const visible = object.bboxVis === undefined ? bbox : readBox(object.bboxVis, source, where, 'bboxVis');
    const attributes: Record<string, unknown> = { ...visibilityAttributes(bbox, visible) };
    if (typeof object.instanceId === 'number') attributes.instance_id = object.instanceId;
    const ignore = IGNORE_LABELS.includes(label);
    if (ignore) attributes.citypersons_label = label;
    const category = ignore || label === 'pedestrian' ? pedestrian : label;
    return { category, ...boxOnly(bbox, attributes, ignore) };
  });
  return { width, height, annotations };
}

/** One annotation to write: its category's name, box, crowd flag and attributes. */
export interface CityPersonsOutput {
  category: string;
  bbox: readonly number[];
  iscrowd: boolean;
  attributes: Record<string, unknown>;
}

/** The label an annotation is written with, or null when CityPersons has none for its category. */
function cityPersonsLabel(a: Pick<CityPersonsOutput, 'category' | 'iscrowd' | 'attributes'>, pedestrian: string): string | null {
  if (a.iscrowd)
    return typeof a.attributes.citypersons_label === 'string' && IGNORE_LABELS.includes(a.attributes.citypersons_label)
      ? a.attributes.citypersons_label
      : 'ignore';
  if (a.category === pedestrian) return 'pedestrian';
  return PERSON_LABELS.includes(a.category) ? a.category : null;
}

/**
 * One image's file, boxes on whole pixels; the visible box is `vis_bbox` (else the full box) and the instance id
 * `instance_id` (else a number of its own after the image's highest). Annotations of categories CityPersons has
 * no label for are left out and counted.
 */
export function writeCityPersons(
  width: number,
  height: number,
  annotations: readonly CityPersonsOutput[],
  pedestrian: string,
): { json: object; leftOut: number } {
  const labelled = annotations.flatMap((a) => {
    const label = cityPersonsLabel(a, pedestrian);
    return label === null ? [] : [{ a, label }];
  });
  const recorded = labelled.map(({ a }) => a.attributes.instance_id).filter((n): n is number => Number.isInteger(n));
  let next = Math.max(0, ...recorded);
  const objects = labelled.map(({ a, label }) => ({
    instanceId: Number.isInteger(a.attributes.instance_id) ? (a.attributes.instance_id as number) : ++next,
    bbox: wholeBox(a.bbox),
    bboxVis: wholeBox(boxAttribute(a.attributes.vis_bbox) ?? a.bbox),
    label,
  }));
  return { json: { imgHeight: height, imgWidth: width, objects }, leftOut: annotations.length - labelled.length };
}
