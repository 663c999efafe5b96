import { describe, expect, it } from 'vitest';
import { RateMeter } from '../../../../main/inference/rateMeter.js';

describe('RateMeter', () => {
  it('gives images per second over the recent images and the time left at that pace', () => {
    let now = 1000;
    const meter = new RateMeter(3, () => now);
    expect(meter.perSecond()).toBeNull();
    now += 500;
    meter.tick();
    expect(meter.perSecond()).toBe(2);
    for (const step of [250, 250, 250]) {
      now += step;
      meter.tick();
    }
    expect(meter.perSecond()).toBe(4);
    expect(meter.etaSeconds(10)).toBe(2.5);
  });
});
