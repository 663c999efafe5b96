import { describe, expect, it } from 'vitest';
import { CocoEvaluator } from '../../../../core/eval/cocoEval.js';
import type { IouType } from '../../../../core/eval/params.js';
import type { Detection, GroundTruth } from '../../../../core/eval/types.js';
import { rleFromBbox } from '../../../../core/masks/polygon.js';
import { randomScene, seeded, type Scene } from '../../../helpers/cocoFixtures.js';

function expectSameEvaluation(a: CocoEvaluator, b: CocoEvaluator): void {
  const x = a.accumulate();
  const y = b.accumulate();
  expect(Array.from(x.precision)).toEqual(Array.from(y.precision));
  expect(Array.from(x.recall)).toEqual(Array.from(y.recall));
  expect(Array.from(x.scores)).toEqual(Array.from(y.scores));
  expect(a.stats()).toEqual(b.stats());
}

function withMasks(scene: Scene): Scene {
  const mask = <T extends GroundTruth | Detection>(a: T): T => ({ ...a, segmentation: { kind: 'rle', rle: rleFromBbox(a.bbox, 300, 300) } });
  scene.groundTruth.splice(0, Infinity, ...scene.groundTruth.map(mask));
  scene.detections.splice(0, Infinity, ...scene.detections.map(mask));
  return scene;
}

describe.each<[IouType, boolean]>([
  ['bbox', true],
  ['segm', true],
  ['bbox', false],
])('CocoEvaluator incremental updates (%s, useCats %s)', (iouType, useCats) => {
  const scene = (seed: number) => withMasks(randomScene(seed));

  it('replacing detections image by image gives the same arrays as evaluating from scratch', () => {
    const before = scene(1);
    const after = scene(2); // same images, other annotations
    const ev = new CocoEvaluator({ ...before.input(), groundTruth: after.groundTruth }, { iouType, useCats });
    ev.stats();
    for (const img of before.images) {
      ev.setDetections(
        img.id,
        after.detections.filter((d) => d.imageId === img.id),
      );
    }
    expectSameEvaluation(ev, new CocoEvaluator(after.input(), { iouType, useCats }));
  });

  it('replacing ground truth image by image gives the same arrays as evaluating from scratch', () => {
    const before = scene(3);
    const after = scene(4);
    const ev = new CocoEvaluator({ ...before.input(), detections: after.detections }, { iouType, useCats });
    const rand = seeded(9);
    const order = [...before.images].sort(() => rand() - 0.5);
    for (const img of order) {
      ev.setGroundTruth(
        img.id,
        after.groundTruth.filter((g) => g.imageId === img.id),
      );
      if (rand() < 0.3) ev.stats();
    }
    expectSameEvaluation(ev, new CocoEvaluator(after.input(), { iouType, useCats }));
  });

  it('an edit and its undo restore every number', () => {
    const s = scene(5);
    const ev = new CocoEvaluator(s.input(), { iouType, useCats });
    const reference = new CocoEvaluator(s.input(), { iouType, useCats });
    const original = s.groundTruth.filter((g) => g.imageId === 2);
    ev.setGroundTruth(2, []);
    expect(ev.stats()).not.toEqual(reference.stats());
    ev.setGroundTruth(2, original);
    expectSameEvaluation(ev, reference);
  });
});

describe('CocoEvaluator update checks', () => {
  it('refuses unknown images and annotations of another image', () => {
    const s = randomScene(6);
    const ev = new CocoEvaluator(s.input(), { iouType: 'bbox' });
    expect(() => ev.setDetections(999, [])).toThrow(/image 999 is not evaluated/);
    const stray = { ...s.detections[0], imageId: 2 };
    expect(() => ev.setDetections(1, [stray])).toThrow(/belongs to image 2, not 1/);
  });
});
