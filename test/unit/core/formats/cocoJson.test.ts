import { describe, expect, it } from 'vitest';
import { parseCocoGroundTruth, parseCocoResults, parseJsonText } from '../../../../core/formats/cocoJson.js';
import { CocoFormatError } from '../../../../core/formats/validate.js';
import { rleArea } from '../../../../core/masks/rle.js';
import { countsToString } from '../../../../core/masks/rleString.js';

type Obj = Record<string, unknown>;

function groundTruth(annotations: Obj[] = [], images: Obj[] = [{ id: 1, width: 20, height: 10 }]): Obj {
  return { images, categories: [{ id: 1, name: 'person' }], annotations };
}

const ann = (o: Obj = {}): Obj => ({ id: 1, image_id: 1, category_id: 1, bbox: [1, 2, 3, 4], area: 12, iscrowd: 0, ...o });

function parseError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CocoFormatError);
    return (err as Error).message;
  }
  throw new Error('expected a CocoFormatError');
}

describe('parseCocoGroundTruth', () => {
  it('reads images, categories and annotations with their segmentation', () => {
    const gt = parseCocoGroundTruth(
      groundTruth([
        ann({ segmentation: [[0, 0, 0, 4, 4, 4]] }),
        ann({ id: 2, iscrowd: 1, segmentation: { size: [10, 20], counts: [5, 10, 185] } }),
        ann({ id: 3, segmentation: { size: [10, 20], counts: countsToString([0, 200]) }, ignore: 1 }),
      ]),
    );
    expect(gt.images).toEqual([{ id: 1, width: 20, height: 10 }]);
    expect(gt.categories).toEqual([{ id: 1, name: 'person' }]);
    const [a, b, c] = gt.annotations;
    expect(a).toMatchObject({ id: 1, imageId: 1, categoryId: 1, bbox: [1, 2, 3, 4], area: 12, iscrowd: false });
    expect(a.segmentation).toEqual({ kind: 'polygons', polygons: [[0, 0, 0, 4, 4, 4]] });
    expect(b.iscrowd).toBe(true);
    expect(b.segmentation?.kind === 'rle' && rleArea(b.segmentation.rle)).toBe(10);
    expect(c.iscrowd).toBe(false);
    expect(c.segmentation?.kind === 'rle' && rleArea(c.segmentation.rle)).toBe(200);
  });

  it('reads a string of digits as the integer image id, other strings as strings', () => {
    const gt = parseCocoGroundTruth(
      groundTruth([ann({ image_id: '2299' }), ann({ id: 2, image_id: 2299 }), ann({ id: 3, image_id: 'frame_a' })], [{ id: '2299' }, { id: 'frame_a' }]),
    );
    expect(gt.images.map((i) => i.id)).toEqual([2299, 'frame_a']);
    expect(gt.annotations.map((a) => a.imageId)).toEqual([2299, 2299, 'frame_a']);
  });

  it('names the offending record in every error', () => {
    const cases: [Obj, RegExp][] = [
      [groundTruth([ann(), ann({ id: 513, bbox: [1, 2, 3] })]), /^annotations\[1\] \(id 513\): bbox must be 4 numbers/],
      [groundTruth([ann({ bbox: [0, 0, -3, 4] })]), /^annotations\[0\] \(id 1\): bbox has a negative size/],
      [groundTruth([ann({ bbox: [0, 0, '3', 4] })]), /bbox must be 4 numbers/],
      [groundTruth([ann({ area: undefined })]), /^annotations\[0\] \(id 1\): area must be a number, got missing/],
      [groundTruth([ann({ area: -5 })]), /area must not be negative, got -5/],
      [groundTruth([ann({ id: 'x' })]), /^annotations\[0\]: id must be a number, got a string$/],
      [groundTruth([ann({ image_id: 7 })]), /image_id 7 is not in images/],
      [groundTruth([ann({ category_id: 9 })]), /category_id 9 is not in categories/],
      [groundTruth([ann({ iscrowd: 2 })]), /iscrowd must be 0 or 1/],
      [groundTruth([ann(), ann()]), /^annotations\[1\] \(id 1\): id 1 is already used by annotations\[0\]/],
      [groundTruth([ann({ segmentation: { size: [10, 21], counts: [210] } })]), /segmentation size \[10, 21\] does not match image 1 \(height 10, width 20\)/],
      [groundTruth([ann({ segmentation: { size: [10, 20], counts: [5, 10] } })]), /counts cover 15 pixels, but size \[10, 20\] has 200/],
      [groundTruth([ann({ segmentation: { size: [10, 20], counts: 'ab c' } })]), /segmentation.counts: .*invalid character/],
      [
        groundTruth([ann({ segmentation: [[0, 0, 1, 1]] })]),
        /^annotations\[0\] \(id 1\): segmentation\[0\] has 2 points \(4 numbers\); a polygon needs at least 3 points \(6 numbers\)$/,
      ],
      [groundTruth([ann({ segmentation: [[0, 0, 1, 1, 2]] })]), /segmentation\[0\] has 5 numbers; a polygon is x, y pairs$/],
      [groundTruth([ann({ segmentation: [[0, 0, 1, '1', 2, 2]] })]), /segmentation\[0\]\[3\] must be a number, got a string$/],
      [groundTruth([ann({ segmentation: [] })]), /segmentation has no polygons/],
      [groundTruth([], [{ id: 1, width: -20, height: 10 }]), /^images\[0\] \(id 1\): width must be a positive integer, got -20/],
      [groundTruth([], [{ id: 1 }, { id: '1' }]), /^images\[1\]: id 1 is listed twice/],
      [groundTruth([], [{ id: 1.5 }]), /^images\[0\] \(id 1.5\): id must be an integer or a non-empty string/],
      [{ images: [], annotations: [] }, /^ground truth: categories must be an array, got missing/],
      [{ images: {}, categories: [] }, /images must be an array, got an object/],
    ];
    for (const [json, pattern] of cases) expect(parseError(() => parseCocoGroundTruth(json))).toMatch(pattern);
    expect(parseError(() => parseCocoGroundTruth([]))).toMatch(/^ground truth: must be an object, got an array/);
    expect(parseError(() => parseCocoGroundTruth({ ...groundTruth(), annotations: [null] }))).toMatch(/^annotations\[0\]: must be an object, got null/);
  });
});

describe('parseJsonText', () => {
  it('names the file when the JSON is invalid', () => {
    expect(parseError(() => parseJsonText('{"images": [', 'gt.json'))).toBe('gt.json: not a JSON file: the text ends early at line 1, column 13');
    expect(parseJsonText('[1]', 'x')).toEqual([1]);
  });
});

describe('parseCocoResults (loadRes)', () => {
  const gt = parseCocoGroundTruth(
    groundTruth(
      [ann()],
      [
        { id: 1, width: 20, height: 10 },
        { id: 2, width: 20, height: 10 },
      ],
    ),
  );

  it('reads box results: area w×h, ids 1..n in file order, the box polygon as segmentation', () => {
    const dts = parseCocoResults(
      [
        { image_id: 2, category_id: 1, bbox: [1, 1, 4, 2.5], score: 0.9, id: 77, area: 1 },
        { image_id: '1', category_id: 5, bbox: [0, 0, 1, 1], score: 0.1 },
      ],
      gt,
    );
    expect(dts[0]).toEqual({
      id: 1,
      imageId: 2,
      categoryId: 1,
      score: 0.9,
      bbox: [1, 1, 4, 2.5],
      area: 10,
      segmentation: { kind: 'polygons', polygons: [[1, 1, 1, 3.5, 5, 3.5, 5, 1]] },
    });
    expect([dts[1].id, dts[1].imageId, dts[1].categoryId]).toEqual([2, 1, 5]);
  });

  it('reads mask results: area from the mask, bbox from the mask unless given', () => {
    const counts = countsToString([12, 3, 7, 3, 175]); // columns 1 and 2, rows 2..4
    const dts = parseCocoResults(
      [
        { image_id: 1, category_id: 1, segmentation: { size: [10, 20], counts }, score: 0.5 },
        { image_id: 1, category_id: 1, segmentation: { size: [10, 20], counts }, score: 0.4, bbox: [0, 0, 9, 9] },
        { image_id: 1, category_id: 1, segmentation: [[1, 1, 1, 5, 5, 5, 5, 1]], score: 0.3 },
      ],
      gt,
    );
    expect([dts[0].area, dts[0].bbox]).toEqual([6, [1, 2, 2, 3]]);
    expect([dts[1].area, dts[1].bbox]).toEqual([6, [0, 0, 9, 9]]);
    expect(dts[2].area).toBe(16);
    expect(dts[2].segmentation?.kind).toBe('rle');
  });

  it('accepts an empty list and refuses malformed results with the record named', () => {
    expect(parseCocoResults([], gt)).toEqual([]);
    const bad: [unknown, RegExp][] = [
      [{ image_id: 1 }, /^results: must be a list of detections, got an object/],
      [[{ image_id: 9, category_id: 1, bbox: [0, 0, 1, 1], score: 1 }], /^results\[0\]: image_id 9 is not in the ground truth images/],
      [
        [
          { image_id: 1, category_id: 1, bbox: [0, 0, 1, 1], score: 1 },
          { image_id: 1, category_id: 1, score: 1 },
        ],
        /^results\[1\]: bbox must be 4 numbers/,
      ],
      [[{ image_id: 1, category_id: 1, bbox: [0, 0, 1, 1] }], /^results\[0\]: score must be a number, got missing/],
      [[{ image_id: 1, category_id: 1, score: 0.2 }], /^results\[0\]: has neither bbox nor segmentation/],
      [[{ image_id: 1, category_id: 1, score: 0.2, segmentation: { size: [5, 5], counts: '5' } }], /segmentation size \[5, 5\] does not match image 1/],
      [[{ image_id: 1, category_id: 1, score: 0.2, bbox: [0, 0, 1, -1] }], /negative size/],
    ];
    for (const [json, pattern] of bad) expect(parseError(() => parseCocoResults(json, gt))).toMatch(pattern);
  });
});
