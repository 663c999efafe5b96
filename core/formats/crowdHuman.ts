import { failIn } from './formatError.js';
import { boxOnly, type SourceAnnotation } from './sourceAnnotations.js';
import { describe, isObject } from './validate.js';
import { boxAttribute, readBox, visibilityAttributes, wholeBox } from './visibleBox.js';

/**
 * CrowdHuman's `.odgt` ground truth (annotation_train.odgt, annotation_val.odgt): one JSON object a line,
 * `{"ID", "gtboxes": [{"tag": "person"|"mask", "fbox", "vbox", "hbox", "extra", "head_attr"}]}`, boxes
 * `[x, y, w, h]` in whole pixels (full body, visible body, head); the image is `Images/ID.jpg`.
 */
export interface OdgtRecord {
  id: string;
  annotations: SourceAnnotation[];
  /** `line N`, for messages. */
  where: string;
}

/** The image file a record is about. */
export function crowdHumanImageName(id: string): string {
  return `${id}.jpg`;
}

/**
 * Every line's record. `mask` boxes and `person` boxes with `extra.ignore` 1 become ignore regions (crowd
 * annotations); every box is a `pedestrian`, `fbox` its box. Each keeps `vis_bbox` (vbox), `head_bbox` (hbox),
 * `height`, `vis_ratio`, and `crowdhuman_tag`, `extra` and `head_attr` as given, so that the export writes them back.
 */
export function parseOdgt(text: string, source: string, pedestrian: string): OdgtRecord[] {
  const records: OdgtRecord[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `line ${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      failIn(source, where, 'is not JSON (a CrowdHuman .odgt file holds one JSON object a line)');
    }
    if (!isObject(json)) failIn(source, where, `must be a JSON object, got ${describe(json)}`);
    if (typeof json.ID !== 'string' || !/^[\w.,\-]+$/.test(json.ID)) failIn(source, where, 'ID must be an image name (letters, digits, ",", ".", "-", "_")');
    if (!Array.isArray(json.gtboxes)) failIn(source, where, `gtboxes must be a list, got ${describe(json.gtboxes)}`);
    const annotations = json.gtboxes.map((box, k): SourceAnnotation => {
      const at = `${where}: gtboxes[${k}]`;
      if (!isObject(box)) failIn(source, at, `must be an object, got ${describe(box)}`);
      if (box.tag !== 'person' && box.tag !== 'mask') failIn(source, at, 'tag must be "person" or "mask"');
      const bbox = readBox(box.fbox, source, at, 'fbox');
      const visible = box.vbox === undefined ? bbox : readBox(box.vbox, source, at, 'vbox');
      const attributes: Record<string, unknown> = { ...visibilityAttributes(bbox, visible), crowdhuman_tag: box.tag };
      if (box.hbox !== undefined) attributes.head_bbox = readBox(box.hbox, source, at, 'hbox');
      if (box.extra !== undefined && !isObject(box.extra)) failIn(source, at, `extra must be an object, got ${describe(box.extra)}`);
      if (box.extra !== undefined) attributes.extra = box.extra;
      if (isObject(box.head_attr)) attributes.head_attr = box.head_attr;
      const iscrowd = box.tag === 'mask' || box.extra?.ignore === 1;
      return { category: pedestrian, ...boxOnly(bbox, attributes, iscrowd) };
    });
    records.push({ id: json.ID, annotations, where });
  });
  return records;
}

/** One box to write: a pedestrian's box, crowd flag and attributes. */
export interface OdgtOutput {
  bbox: readonly number[];
  iscrowd: boolean;
  attributes: Record<string, unknown>;
}

/** One gtboxes entry: the tag and `extra.ignore` say whether it is an ignore region, as `parseOdgt` reads them. */
function writeBox({ bbox, iscrowd, attributes }: OdgtOutput): object {
  const tag = iscrowd && attributes.crowdhuman_tag === 'mask' ? 'mask' : 'person';
  const extra: Record<string, unknown> = isObject(attributes.extra) ? { ...attributes.extra } : {};
  if (tag === 'person' && iscrowd) extra.ignore = 1;
  else if (tag === 'person' && 'ignore' in extra) extra.ignore = 0;
  const head = boxAttribute(attributes.head_bbox);
  return {
    tag,
    fbox: wholeBox(bbox),
    vbox: wholeBox(boxAttribute(attributes.vis_bbox) ?? bbox),
    ...(head ? { hbox: wholeBox(head) } : {}),
    extra,
    ...(isObject(attributes.head_attr) ? { head_attr: attributes.head_attr } : {}),
  };
}

/** The `.odgt` text: one line per image, boxes on whole pixels. */
export function writeOdgt(images: readonly { id: string; boxes: readonly OdgtOutput[] }[]): string {
  return images.map(({ id, boxes }) => `${JSON.stringify({ ID: id, gtboxes: boxes.map(writeBox) })}\n`).join('');
}
