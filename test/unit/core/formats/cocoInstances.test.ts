import { describe, expect, it } from 'vitest';
import { readCocoInstances, writeCocoInstances, type CocoExportImage } from '../../../../core/formats/cocoInstances.js';
import { countsToString } from '../../../../core/masks/rleString.js';
import { segmentationToRle } from '../../../../core/masks/segmentation.js';
import { normalisedCounts } from '../../../helpers/cocoCompare.js';
import { SMALL_COCO } from '../../../helpers/formatFixtures.js';
import { describeShared, readSharedJson } from '../../../helpers/shared.js';

type Json = Record<string, any>;

/** What Pedlab does to a COCO file: read it, keep masks as compressed RLE, write it back with the same category ids. */
function roundTrip(json: Json): Json {
  const dataset = readCocoInstances(json, 'in.json');
  const idOf = new Map<string, number>((json.categories as Json[]).map((c) => [c.name, c.id]));
  const images: CocoExportImage[] = dataset.images.map((img) => ({
    fileName: img.fileName,
    width: img.width!,
    height: img.height!,
    annotations: img.annotations.map((a) => ({
      categoryId: idOf.get(a.category)!,
      bbox: a.bbox,
      area: a.area,
      iscrowd: a.iscrowd,
      mask: a.segmentation
        ? { size: [img.height!, img.width!], counts: countsToString(segmentationToRle(a.segmentation, img.height!, img.width!).counts) }
        : null,
      attributes: a.attributes,
    })),
  }));
  const categories = dataset.categories.map((c) => ({ id: idOf.get(c.name)!, name: c.name, supercategory: c.supercategory ?? '' }));
  return JSON.parse(JSON.stringify(writeCocoInstances({ info: {}, categories, images })));
}

/** Every original annotation, in order, against the written one: box, area, crowd flag, category, attributes, mask. */
function expectSameGroundTruth(original: Json, written: Json): void {
  const images = new Map<unknown, Json>((original.images as Json[]).map((i) => [i.id, i]));
  const byImage = new Map<unknown, Json[]>();
  for (const a of original.annotations as Json[]) byImage.set(a.image_id, [...(byImage.get(a.image_id) ?? []), a]);
  const expected = (original.images as Json[]).flatMap((img) => byImage.get(img.id) ?? []);
  expect(written.annotations).toHaveLength(expected.length);
  const writtenImages = new Map<number, Json>((written.images as Json[]).map((i) => [i.id, i]));
  expected.forEach((a, i) => {
    const b = written.annotations[i];
    const img = images.get(a.image_id)!;
    expect(b.id).toBe(i + 1);
    expect(writtenImages.get(b.image_id)!.file_name).toBe(img.file_name);
    expect(b.category_id).toBe(a.category_id);
    expect(b.bbox).toEqual(a.bbox);
    expect(b.area).toBe(a.area);
    expect(b.iscrowd).toBe(a.iscrowd ?? 0);
    expect(b.attributes).toEqual(a.attributes);
    if (a.segmentation === undefined) expect(b.segmentation).toBeUndefined();
    else {
      expect(b.segmentation.size).toEqual([img.height, img.width]);
      expect(b.segmentation.counts).toBe(normalisedCounts(a.segmentation, img.height, img.width));
    }
  });
  expect(written.categories).toEqual((original.categories as Json[]).map((c) => ({ id: c.id, name: c.name, supercategory: c.supercategory ?? '' })));
  expect((written.images as Json[]).map((i) => [i.file_name, i.width, i.height])).toEqual(
    (original.images as Json[]).map((i) => [i.file_name, i.width, i.height]),
  );
}

describe('COCO instances: read and write', () => {
  it('keeps boxes, areas, crowd flags, categories, attributes and masks (polygons, plain and compressed RLE)', () => {
    expect(normalisedCounts(SMALL_COCO.annotations[2].segmentation, 4, 5)).toBe('52305');
    expectSameGroundTruth(SMALL_COCO, roundTrip(SMALL_COCO));
  });

  it('names the file and the record when the input is malformed', () => {
    const bad = (change: (j: Json) => void) => {
      const j = structuredClone(SMALL_COCO) as Json;
      change(j);
      return () => readCocoInstances(j, 'gt.json');
    };
    expect(bad((j) => (j.annotations[1].bbox = [1, 2, 3]))).toThrow(/^gt\.json: annotations\[1\] \(id 11\): bbox must be 4 numbers/);
    expect(bad((j) => (j.annotations[0].category_id = 2))).toThrow(/^gt\.json: annotations\[0\] \(id 10\): category_id 2 is not in categories/);
    expect(bad((j) => (j.annotations[2].segmentation.counts = '5230'))).toThrow(/^gt\.json: annotations\[2\] \(id 12\): segmentation counts cover/);
    expect(bad((j) => delete j.images[1].file_name)).toThrow(/^gt\.json: images\[1\] \(id 9\): file_name is missing/);
    expect(bad((j) => (j.categories[1].name = 'person'))).toThrow(/^gt\.json: categories\[1\] \(id 3\): name "person" is already used by categories\[0\]/);
    expect(bad((j) => (j.annotations[3].attributes = 'difficult'))).toThrow(/^gt\.json: annotations\[3\] \(id 13\): attributes must be an object/);
  });
});

describeShared('COCO instances round trip on cocoapi fake100 (../shared/data/coco_cases)', () => {
  it('keeps every box, area, crowd flag, category and mask (RLE byte-equal after normalisation)', () => {
    const gt = readSharedJson('data', 'coco_cases', 'cocoapi_fake100', 'instances_val2014_100.json') as Json;
    const written = roundTrip(gt);
    expect(written.annotations).toHaveLength(839);
    expectSameGroundTruth(gt, written);
  });
});
