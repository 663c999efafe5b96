import { describe, expect, it } from 'vitest';
import { CocoEvaluator } from '../../../../core/eval/cocoEval.js';
import { LOOSE_IOU_THRS } from '../../../../core/eval/params.js';
import type { Box } from '../../../../core/eval/types.js';
import { randomScene, Scene, seeded } from '../../../helpers/cocoFixtures.js';

/** Box IoU worked out here, apart from the engine. */
function iou([ax, ay, aw, ah]: Box, [bx, by, bw, bh]: Box): number {
  const w = Math.max(0, Math.min(ax + aw, bx + bw) - Math.max(ax, bx));
  const h = Math.max(0, Math.min(ay + ah, by + bh) - Math.max(ay, by));
  return (w * h) / (aw * ah + bw * bh - w * h);
}

/** Images of one person and one detection shifted off it by a random amount, so that the IoUs spread over 0 to 1. */
function shiftedScene(images: number) {
  const rand = seeded(7);
  const scene = new Scene();
  const ious: number[] = [];
  for (let i = 1; i <= images; i++) {
    scene.image(i, 300, 300);
    const gt: Box = [50, 50, 40 + rand() * 60, 60 + rand() * 80];
    const dt: Box = [gt[0] + rand() * gt[2], gt[1] + (rand() - 0.5) * 8, gt[2], gt[3]];
    scene.gt(i, gt);
    scene.dt(i, dt, Math.round(rand() * 100) / 100);
    ious.push(iou(gt, dt));
  }
  return { scene, ious };
}

describe('loose IoU thresholds', () => {
  it('are 0.10:0.05:0.45', () => {
    expect(LOOSE_IOU_THRS).toHaveLength(8);
    LOOSE_IOU_THRS.forEach((t, i) => expect(t).toBeCloseTo(0.1 + 0.05 * i, 12));
  });

  it('count as hits exactly the detections whose IoU reaches each threshold, as an independent count does', () => {
    const { scene, ious } = shiftedScene(60);
    const ev = new CocoEvaluator(scene.input(), { iouType: 'bbox', iouThrs: LOOSE_IOU_THRS });
    const recall = ev.accumulate().recall;
    const [K, A, M] = [1, 4, 3];
    LOOSE_IOU_THRS.forEach((t, k) => {
      const expected = ious.filter((v) => v >= t).length;
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(ious.length);
      const hits = scene.images.filter((img) => ev.imageResult(img.id).detections[0].outcome[k] === 'tp').length;
      expect(hits).toBe(expected);
      // Recall over area "all" at 100 detections: the same hits over the 60 people.
      expect(recall[((k * K + 0) * A + 0) * M + (M - 1)]).toBeCloseTo(expected / ious.length, 12);
    });
  });

  it('an evaluator moved to the loose thresholds keeps the edits made before, as one built afresh from them', () => {
    const scene = randomScene(3);
    const ev = new CocoEvaluator(scene.input(), { iouType: 'bbox' });
    const edited = randomScene(4).groundTruth.filter((g) => g.imageId === 2);
    ev.setGroundTruth(2, edited);
    const moved = ev.withIouThresholds(LOOSE_IOU_THRS);
    const fresh = new CocoEvaluator(
      { ...scene.input(), groundTruth: [...scene.groundTruth.filter((g) => g.imageId !== 2), ...edited] },
      { iouType: 'bbox', iouThrs: LOOSE_IOU_THRS },
    );
    expect(moved.params.iouThrs).toEqual(LOOSE_IOU_THRS);
    expect(Array.from(moved.accumulate().precision)).toEqual(Array.from(fresh.accumulate().precision));
    expect(Array.from(moved.accumulate().recall)).toEqual(Array.from(fresh.accumulate().recall));
    expect(moved.imageResult(2)).toEqual(fresh.imageResult(2));
  });
});
