import { describe, expect, it } from 'vitest';
import { parseLabelme } from '../../../../core/formats/labelme.js';
import { parseYoloClasses, parseYoloLabels, writeYoloLabels } from '../../../../core/formats/yolo.js';
import { rleFromPolygons } from '../../../../core/masks/polygon.js';
import { rleArea, rleToBbox } from '../../../../core/masks/rle.js';
import { LABELME } from '../../../helpers/formatFixtures.js';

describe('YOLO labels', () => {
  const classes = ['person', 'bicycle'];

  it('reads normalised boxes into pixels, and polygons into masks', () => {
    const [box, poly] = parseYoloLabels('0 0.25 0.5 0.1 0.2\n\n1 0.1 0.1 0.5 0.1 0.5 0.5\n', 'a.txt', classes, 640, 480);
    expect(box).toEqual({ category: 'person', bbox: [128, 192, 64, 96], area: 64 * 96, iscrowd: false, segmentation: null, attributes: {} });
    const mask = rleFromPolygons([[64, 48, 320, 48, 320, 240]], 480, 640);
    expect(poly).toMatchObject({ category: 'bicycle', bbox: rleToBbox(mask), area: rleArea(mask) });
  });

  it('writes boxes that read back to the same pixels', () => {
    const boxes = [
      { classIndex: 1, bbox: [13, 7, 100, 51] },
      { classIndex: 0, bbox: [0, 0, 640, 480] },
    ];
    const text = writeYoloLabels(boxes, 640, 480);
    expect(parseYoloLabels(text, 'a.txt', classes, 640, 480).map((a) => [a.category, a.bbox])).toEqual([
      ['bicycle', [13, 7, 100, 51]],
      ['person', [0, 0, 640, 480]],
    ]);
  });

  it('names the file and line of a malformed label or class list', () => {
    expect(() => parseYoloLabels('0 0.5 0.5 0.1 0.1\n2 0.5 0.5 0.1 0.1', 'labels/a.txt', classes, 10, 10)).toThrow(
      /^labels\/a\.txt: line 2: the first value is not a class index 0\.\.1/,
    );
    expect(() => parseYoloLabels('0 0.5 0.5 0.1', 'a.txt', classes, 10, 10)).toThrow(/^a\.txt: line 1: expected "class cx cy w h"/);
    expect(() => parseYoloLabels('0 0.5 x 0.1 0.1', 'a.txt', classes, 10, 10)).toThrow(/^a\.txt: line 1: coordinates must be numbers/);
    expect(() => parseYoloLabels('0 0.5 0.5 -0.1 0.1', 'a.txt', classes, 10, 10)).toThrow(/line 1: the box has a negative size/);
    expect(() => parseYoloClasses('person\ncar\nperson\n', 'classes.txt')).toThrow(/^classes\.txt: line 3: class "person" is already listed on line 1/);
    expect(() => parseYoloClasses('\n', 'classes.txt')).toThrow(/classes\.txt: lists no class names/);
  });
});

describe('labelme JSON', () => {
  it('reads rectangles as boxes and polygons as masks, keeping group_id, flags and description', () => {
    const { image, warnings } = parseLabelme(LABELME, 'street_02.json');
    expect(image).toMatchObject({ fileName: 'street_02.png', width: 40, height: 30 });
    const [rect, poly] = image.annotations;
    expect(rect).toEqual({ category: 'person', bbox: [4, 5, 16, 20], area: 320, iscrowd: false, segmentation: null, attributes: {} });
    const mask = rleFromPolygons([[10, 2, 30, 2, 30, 12, 10, 12]], 30, 40);
    expect(poly).toEqual({
      category: 'person',
      bbox: rleToBbox(mask),
      area: rleArea(mask),
      iscrowd: false,
      segmentation: { kind: 'rle', rle: mask },
      attributes: { group_id: 3, flags: { occluded: true }, description: 'far' },
    });
    expect(warnings).toEqual(['street_02.json: shapes[2]: shape type "circle" skipped (only rectangles and polygons are imported)']);
  });

  it('names the file and the shape of a malformed record', () => {
    const bad = (change: (j: any) => void) => {
      const j = structuredClone(LABELME);
      change(j);
      return () => parseLabelme(j, 'x.json');
    };
    expect(bad((j) => (j.shapes[1].points = [[1, 2], [3]]))).toThrow(/^x\.json: shapes\[1\]: points must be a list of \[x, y\] pairs/);
    expect(bad((j) => (j.shapes[0].points = [[1, 2]]))).toThrow(/^x\.json: shapes\[0\]: a rectangle needs 2 points, got 1/);
    expect(
      bad(
        (j) =>
          (j.shapes[1].points = [
            [1, 2],
            [3, 4],
          ]),
      ),
    ).toThrow(/shapes\[1\]: a polygon needs at least 3 points/);
    expect(bad((j) => (j.shapes[0].label = ''))).toThrow(/shapes\[0\]: label must be a non-empty string/);
    expect(bad((j) => delete j.imageHeight)).toThrow(/^x\.json: imageHeight must be a positive integer, got missing/);
    expect(bad((j) => (j.imagePath = 3))).toThrow(/^x\.json: imagePath must be a file name/);
    expect(() => parseLabelme([], 'x.json')).toThrow(/^x\.json: must be a JSON object/);
  });
});
