import { describe, expect, it } from 'vitest';
import { COCO_CLASSES, defaultClasses, mapClasses } from '../../../../core/detect/classes.js';

describe('classes', () => {
  it('defaults: torchvision starts with the background, YOLOX is COCO or one person class', () => {
    expect(defaultClasses('maskrcnn')).toEqual(['__background__', 'pedestrian']);
    expect(defaultClasses('yolox', 80)).toEqual(COCO_CLASSES);
    expect(defaultClasses('yolox', 1)).toEqual(['person']);
    expect(defaultClasses('yolox', 3)).toEqual(['class 0', 'class 1', 'class 2']);
  });

  it('maps classes onto categories by name: person counts as pedestrian and the reverse, the rest is dropped', () => {
    expect(mapClasses(['__background__', 'pedestrian'], ['pedestrian'])).toEqual([null, 'pedestrian']);
    expect(mapClasses(['background', 'Pedestrian'], ['person'])).toEqual([null, 'person']);
    const coco = mapClasses(COCO_CLASSES, ['pedestrian']);
    expect(coco[0]).toBe('pedestrian');
    expect(coco.filter((c) => c !== null)).toHaveLength(1);
    expect(mapClasses(['person', 'car'], ['person', 'pedestrian', 'Car'])).toEqual(['person', 'Car']);
  });
});
