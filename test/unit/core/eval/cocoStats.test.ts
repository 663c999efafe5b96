import { describe, expect, it } from 'vitest';
import { defaultParams, linspace, resolveParams } from '../../../../core/eval/params.js';
import { formatFixed, summaryText, type Stats } from '../../../../core/eval/cocoStats.js';

describe('formatFixed (Python format rounding)', () => {
  it('rounds exact halves to the even digit and everything else to nearest', () => {
    expect(formatFixed(0.0625, 3)).toBe('0.062');
    expect(formatFixed(0.1875, 3)).toBe('0.188');
    expect(formatFixed(0.3125, 3)).toBe('0.312');
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(0.5045806987249628, 3)).toBe('0.505');
    expect(formatFixed(0.0005, 3)).toBe('0.001'); // 0.0005 is slightly above the half in binary
    expect(formatFixed(-1, 3)).toBe('-1.000');
    expect(formatFixed(0.95, 2)).toBe('0.95');
  });
});

describe('summaryText', () => {
  const stats: Stats = [
    0.5045806987249628, 0.6969727247299577, 0.5729816669904824, 0.5856257209410443, 0.5193996948036719, -1, 0.0625, 0.5936795762842003, 0.595352982877607,
    0.6398109626113442, 0.5664205978994309, 0.5642905982905982,
  ];

  it('prints the 12 lines exactly as pycocotools', () => {
    expect(summaryText(stats, defaultParams('bbox')).split('\n')).toEqual([
      ' Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.505',
      ' Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = 0.697',
      ' Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = 0.573',
      ' Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = 0.586',
      ' Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = 0.519',
      ' Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = -1.000',
      ' Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 0.062',
      ' Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 10 ] = 0.594',
      ' Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.595',
      ' Average Recall     (AR) @[ IoU=0.50:0.95 | area= small | maxDets=100 ] = 0.640',
      ' Average Recall     (AR) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = 0.566',
      ' Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = 0.564',
    ]);
  });

  it('shows custom thresholds and maxDets', () => {
    const p = resolveParams({ iouType: 'segm', iouThrs: [0.3, 0.7], maxDets: [5, 20, 300] });
    const lines = summaryText(stats, p).split('\n');
    expect(lines[0]).toBe(' Average Precision  (AP) @[ IoU=0.30:0.70 | area=   all | maxDets=100 ] = 0.505');
    expect(lines[6]).toBe(' Average Recall     (AR) @[ IoU=0.30:0.70 | area=   all | maxDets=  5 ] = 0.062');
    expect(lines[8]).toBe(' Average Recall     (AR) @[ IoU=0.30:0.70 | area=   all | maxDets=300 ] = 0.595');
  });
});

describe('params', () => {
  it('builds thresholds as numpy.linspace does', () => {
    const p = defaultParams('bbox');
    expect(p.iouThrs).toHaveLength(10);
    expect(p.iouThrs[5]).toBe(0.75);
    expect(p.iouThrs[1]).toBe(0.55);
    expect(p.recThrs).toHaveLength(101);
    expect(p.recThrs[35]).toBe(0.35000000000000003);
    expect(p.recThrs[100]).toBe(1);
    expect(linspace(0, 1, 1)).toEqual([0]);
  });

  it('checks overrides', () => {
    expect(() => resolveParams({ iouType: 'bbox', maxDets: [0, 10] })).toThrow(/maxDets\[0\] is invalid/);
    expect(() => resolveParams({ iouType: 'bbox', areaRng: [[10, 1]], areaRngLbl: ['x'] })).toThrow(/min <= max/);
    expect(() => resolveParams({ iouType: 'bbox', areaRngLbl: ['all'] })).toThrow(/1 labels for 4 area ranges/);
    expect(() => resolveParams({ iouType: 'keypoints' as 'bbox' })).toThrow(/iouType must be/);
    expect(() => resolveParams({ iouType: 'bbox', iouThrs: linspace(0.1, 0.9, 40) })).toThrow(/at most 32/);
  });
});
