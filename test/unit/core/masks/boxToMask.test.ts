import { describe, expect, it } from 'vitest';
import { kindGivesMasks, needsMask } from '../../../../core/masks/boxToMask.js';

describe('box to mask rules', () => {
  it('takes masks from a Mask R-CNN only', () => {
    expect(kindGivesMasks('maskrcnn')).toBe(true);
    for (const kind of ['fasterrcnn', 'yolox', 'imported']) expect(kindGivesMasks(kind)).toBe(false);
  });

  it('fills boxes with area and no mask, never crowd regions', () => {
    const mask = { size: [2, 2] as [number, number], counts: '04' };
    expect(needsMask({ iscrowd: false, mask: null, bbox: [0, 0, 3, 4] })).toBe(true);
    expect(needsMask({ iscrowd: true, mask: null, bbox: [0, 0, 3, 4] })).toBe(false);
    expect(needsMask({ iscrowd: false, mask, bbox: [0, 0, 3, 4] })).toBe(false);
    expect(needsMask({ iscrowd: false, mask: null, bbox: [0, 0, 0, 4] })).toBe(false);
  });
});
