import { failIn } from './formatError.js';
import { boxOnly, type Attributes, type BoxTuple, type SourceImage } from './sourceAnnotations.js';
import { childElement, childElements, escapeXml, parseXml, type XmlElement } from './xml.js';

/**
 * Pascal VOC annotation XML. VOC boxes are 1-based pixel indices with both corners inclusive (the devkit's
 * convention), so `x = xmin − 1`, `width = xmax − xmin + 1`, and back. `pose`, `truncated`, `difficult` and
 * `occluded` are kept as attributes.
 */
const KEPT = ['pose', 'truncated', 'difficult', 'occluded'] as const;

function numberIn(el: XmlElement, name: string, source: string, where: string): number {
  const child = childElement(el, name);
  if (!child) failIn(source, where, `<${name}> is missing`);
  const value = Number(child.text);
  if (child.text === '' || !Number.isFinite(value)) {
    failIn(source, `${where}, line ${child.line}`, `<${name}> must be a number, got ${JSON.stringify(child.text)}`);
  }
  return value;
}

function attributeValue(text: string): string | number {
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

export function parseVocXml(text: string, source: string): SourceImage {
  const root = parseXml(text, source);
  if (root.name !== 'annotation') failIn(source, `line ${root.line}`, `the root element is <${root.name}>, expected <annotation>`);
  const fileName = childElement(root, 'filename')?.text;
  if (!fileName) failIn(source, '', '<filename> is missing or empty');
  const image: SourceImage = { fileName, annotations: [], where: source };
  const size = childElement(root, 'size');
  if (size) {
    const width = numberIn(size, 'width', source, `<size> (line ${size.line})`);
    const height = numberIn(size, 'height', source, `<size> (line ${size.line})`);
    if (width > 0 && height > 0) Object.assign(image, { width, height });
  }
  childElements(root, 'object').forEach((obj, i) => {
    const where = `object ${i + 1} (line ${obj.line})`;
    const name = childElement(obj, 'name')?.text;
    if (!name) failIn(source, where, '<name> is missing or empty');
    const box = childElement(obj, 'bndbox');
    if (!box) failIn(source, where, '<bndbox> is missing');
    const [xmin, ymin, xmax, ymax] = ['xmin', 'ymin', 'xmax', 'ymax'].map((k) => numberIn(box, k, source, where));
    if (xmax < xmin || ymax < ymin) failIn(source, where, `the box (${xmin}, ${ymin}) - (${xmax}, ${ymax}) has its max corner before its min corner`);
    const attributes: Attributes = {};
    for (const key of KEPT) {
      const el = childElement(obj, key);
      if (el) attributes[key] = attributeValue(el.text);
    }
    const bbox: BoxTuple = [xmin - 1, ymin - 1, xmax - xmin + 1, ymax - ymin + 1];
    image.annotations.push({ category: name, ...boxOnly(bbox, attributes) });
  });
  return image;
}

export interface VocObject {
  name: string;
  bbox: readonly [number, number, number, number];
  attributes: Attributes;
}

function scalar(v: unknown, fallback: string): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? '1' : '0') : fallback;
}

/**
 * A box as VOC's whole-pixel corners: 1-based, both inclusive. Fractional edges are rounded to the nearest pixel
 * edge (a whole-pixel box is kept exactly) and kept inside the image, and a box keeps at least one pixel.
 */
export function vocCorners(bbox: readonly [number, number, number, number], width: number, height: number): [number, number, number, number] {
  const [x, y, w, h] = bbox;
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const x0 = clamp(Math.round(x), width - 1);
  const y0 = clamp(Math.round(y), height - 1);
  return [x0 + 1, y0 + 1, Math.max(x0 + 1, clamp(Math.round(x + w), width)), Math.max(y0 + 1, clamp(Math.round(y + h), height))];
}

export function writeVocXml(entry: {
  folder: string;
  fileName: string;
  path: string;
  width: number;
  height: number;
  depth: number;
  objects: readonly VocObject[];
}): string {
  const tag = (name: string, value: string | number, indent: string) => `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
  const lines = [
    '<annotation>',
    tag('folder', entry.folder, '\t'),
    tag('filename', entry.fileName, '\t'),
    tag('path', entry.path, '\t'),
    '\t<source>',
    tag('database', 'Unknown', '\t\t'),
    '\t</source>',
    '\t<size>',
    tag('width', entry.width, '\t\t'),
    tag('height', entry.height, '\t\t'),
    tag('depth', entry.depth, '\t\t'),
    '\t</size>',
    tag('segmented', 0, '\t'),
  ];
  for (const o of entry.objects) {
    const [xmin, ymin, xmax, ymax] = vocCorners(o.bbox, entry.width, entry.height);
    lines.push(
      '\t<object>',
      tag('name', o.name, '\t\t'),
      tag('pose', scalar(o.attributes.pose, 'Unspecified'), '\t\t'),
      tag('truncated', scalar(o.attributes.truncated, '0'), '\t\t'),
      tag('difficult', scalar(o.attributes.difficult, '0'), '\t\t'),
      ...(o.attributes.occluded !== undefined ? [tag('occluded', scalar(o.attributes.occluded, '0'), '\t\t')] : []),
      '\t\t<bndbox>',
      tag('xmin', xmin, '\t\t\t'),
      tag('ymin', ymin, '\t\t\t'),
      tag('xmax', xmax, '\t\t\t'),
      tag('ymax', ymax, '\t\t\t'),
      '\t\t</bndbox>',
      '\t</object>',
    );
  }
  lines.push('</annotation>');
  return `${lines.join('\n')}\n`;
}
