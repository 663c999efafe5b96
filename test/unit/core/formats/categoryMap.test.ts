import { describe, expect, it } from 'vitest';
import { categoryWarnings, mappedCategory, mapDetectionCategories, parseCategoryMap } from '../../../../core/formats/categoryMap.js';
import type { Detection } from '../../../../core/eval/types.js';

const categories = [
  { id: 1, name: 'person' },
  { id: 3, name: 'bicycle' },
];
const detection = (categoryId: number): Detection => ({ id: 1, imageId: 1, categoryId, score: 1, bbox: [0, 0, 1, 1], area: 1 });

describe('category maps', () => {
  it('reads FROM=TO pairs and refuses malformed or contradictory ones', () => {
    const map = parseCategoryMap(['pedestrian=person', ' rider = bicycle ']);
    expect(mappedCategory(map, 'pedestrian')).toBe('person');
    expect(mappedCategory(map, 'rider')).toBe('bicycle');
    expect(mappedCategory(map, 'car')).toBe('car');
    expect(() => parseCategoryMap(['person'])).toThrow('--map: each pair must be FROM=TO, got "person"');
    expect(() => parseCategoryMap(['=person'])).toThrow('--map: each pair must be FROM=TO, got "=person"');
    expect(() => parseCategoryMap(['a=b', 'a=c'])).toThrow('--map: "a" is mapped twice (to "b" and to "c")');
  });

  it('maps results category ids onto ground-truth categories by id or name', () => {
    const mapped = mapDetectionCategories([detection(2), detection(7), detection(1)], parseCategoryMap(['2=person', '7=3']), categories);
    expect(mapped.map((d) => d.categoryId)).toEqual([1, 3, 1]);
    expect(() => mapDetectionCategories([detection(2)], parseCategoryMap(['pedestrian=person']), categories)).toThrow(
      '--map: FROM must be a results category_id, got "pedestrian"',
    );
  });

  it('warns when some or all detections are of categories the ground truth does not have', () => {
    expect(categoryWarnings([detection(1)], categories)).toEqual([]);
    expect(categoryWarnings([], categories)).toEqual([]);
    expect(categoryWarnings([detection(1), detection(5)], categories)).toEqual([
      '1 of 2 detections have category ids the ground truth does not have (5) and are never matched; --map FROM=TO reads results category FROM as ground-truth category TO',
    ]);
    expect(categoryWarnings([detection(5)], categories)[0]).toMatch(
      /^the ground truth and the results share no category: the results' category ids \(5\) are none of the ground truth's \(1 person, 3 bicycle\)/,
    );
  });
});
