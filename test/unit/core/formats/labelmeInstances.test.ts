import { describe, expect, it } from 'vitest';
import { parseLabelme } from '../../../../core/formats/labelme.js';

const polygon = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
];

/**
 * The shape of labelme's own instance segmentation example (examples/instance_segmentation, 2011_000003.json):
 * a person without a group, a person drawn as two polygons sharing group_id 0, a bottle, and an __ignore__ region,
 * on a 500×338 image. labelme2coco makes 2 persons and 1 bottle of it and leaves the __ignore__ region out.
 */
const EXAMPLE = {
  version: '3.22.0',
  imagePath: '2011_000003.jpg',
  imageHeight: 338,
  imageWidth: 500,
  imageData: null,
  shapes: [
    { label: 'person', points: polygon(200, 100, 80), group_id: null, shape_type: 'polygon', flags: {} },
    { label: 'person', points: polygon(380, 90, 100), group_id: 0, shape_type: 'polygon', flags: {} },
    { label: 'person', points: polygon(360, 170, 10), group_id: 0, shape_type: 'polygon', flags: {} },
    { label: 'bottle', points: polygon(370, 160, 15), group_id: null, shape_type: 'polygon', flags: {} },
    { label: '__ignore__', points: polygon(280, 270, 60), group_id: null, shape_type: 'polygon', flags: {} },
  ],
};

describe('labelme instances', () => {
  it('are made as labelme2coco makes them: one per (label, group_id), each ungrouped shape its own', () => {
    const { image } = parseLabelme(EXAMPLE, '2011_000003.json');
    const instances = image.annotations.filter((a) => !a.iscrowd);
    expect(instances.map((a) => a.category)).toEqual(['person', 'person', 'bottle']);
    // The grouped person is the union of its two polygons.
    expect(instances[1].area).toBe(100 * 100 + 10 * 10);
    expect(instances[1].bbox).toEqual([360, 90, 120, 100]);
    expect(instances[1].attributes).toEqual({ group_id: 0 });
  });

  it('turn __ignore__ into an ignore region for every label of the file, never into a category of its own', () => {
    const { image } = parseLabelme(EXAMPLE, '2011_000003.json');
    const ignored = image.annotations.filter((a) => a.iscrowd);
    expect(ignored.map((a) => a.category)).toEqual(['person', 'bottle']);
    expect(ignored.every((a) => a.area === 60 * 60)).toBe(true);
    expect(image.annotations.some((a) => a.category === '__ignore__')).toBe(false);
  });

  it('merge grouped rectangles into one mask, and keep a lone rectangle a box', () => {
    const rect = (x: number, group_id: number | null) => ({
      label: 'sofa',
      points: [
        [x + 20, 40],
        [x, 10],
      ],
      group_id,
      shape_type: 'rectangle',
    });
    const { image } = parseLabelme({ ...EXAMPLE, shapes: [rect(0, 1), rect(30, 1), rect(60, 1), rect(90, 1), rect(200, null)] }, 'sofa.json');
    expect(image.annotations).toHaveLength(2);
    expect(image.annotations[0]).toMatchObject({ category: 'sofa', area: 4 * 20 * 30, bbox: [0, 10, 110, 30] });
    expect(image.annotations[0].segmentation).not.toBeNull();
    expect(image.annotations[1]).toMatchObject({ category: 'sofa', bbox: [200, 10, 20, 30], area: 600, segmentation: null });
  });
});
