import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rleFromBbox, rleFromPolygon, rleFromPolygons } from '../../../../core/masks/polygon.js';
import { rleArea, rleDecode, rleToBbox, type Rle } from '../../../../core/masks/rle.js';
import { describeShared, hasShared, readSharedJson, sharedPath } from '../../../helpers/shared.js';

/** Rows of '#' and '.' of a mask, for readable expectations. */
function picture(rle: Rle): string[] {
  const mask = rleDecode(rle);
  return Array.from({ length: rle.h }, (_, y) => Array.from({ length: rle.w }, (_, x) => (mask[x * rle.h + y] ? '#' : '.')).join(''));
}

describe('rleFromPolygon (maskApi rleFrPoly)', () => {
  it('fills the pixels of an integer box', () => {
    expect(picture(rleFromPolygon([0, 0, 0, 3, 3, 3, 3, 0], 5, 5))).toEqual(['###..', '###..', '###..', '.....', '.....']);
    expect(Array.from(rleFromPolygon([0, 0, 0, 3, 3, 3, 3, 0], 5, 5).counts)).toEqual([0, 3, 2, 3, 2, 3, 12]);
  });

  it('fills the pixels whose centre lies inside a fractional box', () => {
    // x from 1.2 to 3.8 holds centres 1.5, 2.5, 3.5; y from 0.7 to 2.9 holds 1.5 and 2.5.
    expect(picture(rleFromBbox([1.2, 0.7, 2.6, 2.2], 5, 6))).toEqual(['......', '.###..', '.###..', '......', '......']);
  });

  it('rasterises a triangle along its slanted edge', () => {
    expect(picture(rleFromPolygon([0.5, 0.5, 4.5, 0.5, 0.5, 4.5], 6, 6))).toEqual(['......', '.###..', '.##...', '.#....', '......', '......']);
  });

  it('clips to the image, whichever way round the outline goes', () => {
    const clockwise = rleFromPolygon([-2, -2, 10, -2, 10, 10, -2, 10], 4, 5);
    expect(Array.from(clockwise.counts)).toEqual([0, 20]);
    expect(rleFromPolygon([-2, -2, -2, 10, 10, 10, 10, -2], 4, 5)).toEqual(clockwise);
    expect(rleArea(rleFromPolygon([20, 20, 30, 20, 30, 30], 4, 5))).toBe(0);
  });

  it('ignores repeated vertices', () => {
    const plain = rleFromPolygon([1, 1, 1, 4, 4, 4, 4, 1], 6, 6);
    expect(rleFromPolygon([1, 1, 1, 1, 1, 4, 4, 4, 4, 4, 4, 1], 6, 6)).toEqual(plain);
  });

  it('merges several polygons into one mask and boxes go through their polygon', () => {
    const two = rleFromPolygons(
      [
        [0, 0, 0, 2, 2, 2, 2, 0],
        [3, 3, 3, 5, 5, 5, 5, 3],
      ],
      5,
      5,
    );
    expect(picture(two)).toEqual(['##...', '##...', '.....', '...##', '...##']);
    expect(rleFromBbox([1, 1, 2, 3], 6, 6)).toEqual(rleFromPolygon([1, 1, 1, 4, 3, 4, 3, 1], 6, 6));
    expect(rleToBbox(rleFromBbox([1, 1, 2, 3], 6, 6))).toEqual([1, 1, 2, 3]);
    expect(Array.from(rleFromPolygons([], 2, 3).counts)).toEqual([6]);
  });
});

describeShared('polygons of ../shared/data/coco_cases/generated', () => {
  it('rasterise to the pixel count pycocotools wrote as their area', () => {
    // The generator stores maskUtils.area of the rasterised polygon as an integer, except for areas it
    // pins to chosen values (perfect squares, the 32² and 96² boundaries), which are skipped here.
    let compared = 0;
    const names = hasShared ? readdirSync(sharedPath('data', 'coco_cases', 'generated')) : [];
    for (const name of names) {
      const gt = readSharedJson('data', 'coco_cases', 'generated', name, 'gt.json') as {
        images: { id: number; width: number; height: number }[];
        annotations: { id: number; image_id: number; area: number; segmentation: unknown }[];
      };
      const images = new Map(gt.images.map((img) => [img.id, img]));
      for (const ann of gt.annotations) {
        if (!Array.isArray(ann.segmentation) || !Number.isInteger(ann.area) || Number.isInteger(Math.sqrt(ann.area))) continue;
        const img = images.get(ann.image_id)!;
        expect(rleArea(rleFromPolygons(ann.segmentation as number[][], img.height, img.width)), `${name} annotation ${ann.id}`).toBe(ann.area);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
