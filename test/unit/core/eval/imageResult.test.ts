import { describe, expect, it } from 'vitest';
import { Scene } from '../../../helpers/cocoFixtures.js';

describe('imageResult', () => {
  it('reports each detection and ground truth per threshold, with IoUs', () => {
    const s = new Scene().image(1);
    const a = s.gt(1, [0, 0, 10, 10]);
    const b = s.gt(1, [50, 50, 10, 10]);
    s.dt(1, [0, 0, 10, 8], 0.9); // IoU 0.8 with a
    s.dt(1, [51, 50, 10, 10], 0.5); // IoU 90/110 with b
    s.dt(1, [120, 120, 10, 10], 0.7); // nothing
    s.dt(1, [0, 0, 5, 5], 0.3, { cat: 2 }); // another category: compared with nothing
    s.categories = [{ id: 1 }, { id: 2 }];
    const r = s.evaluate().imageResult(1);
    expect(r.imageId).toBe(1);
    const [d1, d2, d3, d4] = r.detections;
    expect(d1.outcome).toEqual([...Array(7).fill('tp'), ...Array(3).fill('fp')]);
    expect(d1.matchedGtId).toEqual([...Array(7).fill(a.id), ...Array(3).fill(null)]);
    expect(d1.matchedIou[0]).toBeCloseTo(0.8, 15);
    expect(d1.matchedIou[9]).toBe(0);
    expect([d1.bestIou, d1.bestGtId]).toEqual([d1.matchedIou[0], a.id]);
    expect(d2.bestGtId).toBe(b.id);
    expect(d2.bestIou).toBeCloseTo(90 / 110, 15);
    expect(d3.outcome).toEqual(Array(10).fill('fp'));
    expect([d3.bestIou, d3.bestGtId]).toEqual([0, null]);
    expect(d4.outcome).toEqual(Array(10).fill('fp'));
    expect([d4.bestIou, d4.bestGtId, d4.bestIouAnyCategory, d4.bestGtIdAnyCategory]).toEqual([0, null, 0.25, a.id]);
    expect([d1.bestIouAnyCategory, d1.bestGtIdAnyCategory]).toEqual([d1.bestIou, a.id]);
    expect(r.groundTruths.map((g) => [g.id, g.ignored, g.outcome[0], g.outcome[9]])).toEqual([
      [a.id, false, 'tp', 'fn'],
      [b.id, false, 'tp', 'fn'],
    ]);
    expect(r.groundTruths[0].matchedDtId[0]).toBe(1);
  });

  it('reports for an area range: outside ground truth is ignored there', () => {
    const s = new Scene().image(1, 400, 400);
    s.gt(1, [0, 0, 10, 10]);
    s.gt(1, [100, 100, 50, 50]);
    s.dt(1, [100, 100, 50, 50], 0.9);
    const small = s.evaluate().imageResult(1, 1);
    expect(small.groundTruths.map((g) => [g.ignored, g.outcome[0]])).toEqual([
      [false, 'fn'],
      [true, 'ignored'],
    ]);
    expect(small.detections[0].outcome[0]).toBe('ignored');
  });
});
