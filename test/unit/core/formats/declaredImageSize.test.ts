import { describe, expect, it } from 'vitest';
import { parseCocoGroundTruth } from '../../../../core/formats/cocoJson.js';
import { parseLabelme } from '../../../../core/formats/labelme.js';
import { beyondPixelLimit, MAX_PIXELS } from '../../../../core/geometry/pixelLimit.js';

/** A triangle reaching 4e7 px out: rasterised at a huge stated size, its cost would follow the coordinates again. */
const FAR_TRIANGLE = [-4e7, -4e7, 4e7, 240, -4e7, 4e7];

describe('sizes that annotation files state are held to the image pixel limit', () => {
  it('one rule: up to 0x3FFF² pixels, the wording naming the size', () => {
    expect(beyondPixelLimit(0x3fff, 0x3fff)).toBeNull();
    expect(beyondPixelLimit(MAX_PIXELS, 1)).toBeNull();
    expect(beyondPixelLimit(MAX_PIXELS + 1, 1)).toBe('is too large to open: 268402690×1 pixels (268 megapixels; Pedlab opens up to 268)');
  });

  it('a labelme file stating an image larger than Pedlab opens is refused before its polygons are rasterised', () => {
    const file = {
      imagePath: 'a.png',
      imageWidth: 100_000_000,
      imageHeight: 40,
      shapes: [
        {
          label: 'person',
          points: [
            [-4e7, -4e7],
            [4e7, 240],
            [-4e7, 4e7],
          ],
        },
      ],
    };
    const started = Date.now();
    expect(() => parseLabelme(file, 'far.json')).toThrow(
      'far.json: the image it describes (imageWidth × imageHeight) is too large to open: 100000000×40 pixels (4000 megapixels; Pedlab opens up to 268)',
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(parseLabelme({ ...file, imageWidth: 640, imageHeight: 480 }, 'near.json').image.annotations).toHaveLength(1);
  });

  it('a COCO image larger than Pedlab opens is refused, naming the record', () => {
    const gt = {
      images: [{ id: 3, width: 100_000_000, height: 40 }],
      categories: [{ id: 1, name: 'person' }],
      annotations: [{ id: 1, image_id: 3, category_id: 1, bbox: [0, 0, 1, 1], area: 1, segmentation: [FAR_TRIANGLE] }],
    };
    expect(() => parseCocoGroundTruth(gt)).toThrow(
      'images[0] (id 3): the image it describes (width × height) is too large to open: 100000000×40 pixels (4000 megapixels; Pedlab opens up to 268)',
    );
    expect(parseCocoGroundTruth({ ...gt, images: [{ id: 3, width: 0x3fff, height: 0x3fff }] }).images[0]).toEqual({ id: 3, width: 0x3fff, height: 0x3fff });
  });
});
