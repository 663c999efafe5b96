import { CocoEvaluator, type EvalInput } from '../../core/eval/cocoEval.js';
import type { ParamsInput } from '../../core/eval/params.js';
import type { Box, Detection, EvalImage, GroundTruth, ImageId } from '../../core/eval/types.js';
export { seeded } from '../../bench/seeded.js';
import { seeded } from '../../bench/seeded.js';

/** Small hand-made evaluation inputs. */
export class Scene {
  readonly images: EvalImage[] = [];
  readonly groundTruth: GroundTruth[] = [];
  readonly detections: Detection[] = [];
  categories = [{ id: 1 }];
  private nextGt = 1;

  image(id: ImageId, width = 200, height = 200): this {
    this.images.push({ id, width, height });
    return this;
  }

  gt(imageId: ImageId, bbox: Box, o: { cat?: number; area?: number; crowd?: boolean; id?: number } = {}): GroundTruth {
    const g: GroundTruth = {
      id: o.id ?? this.nextGt++,
      imageId,
      categoryId: o.cat ?? 1,
      bbox,
      area: o.area ?? bbox[2] * bbox[3],
      iscrowd: o.crowd ?? false,
    };
    this.groundTruth.push(g);
    return g;
  }

  dt(imageId: ImageId, bbox: Box, score: number, o: { cat?: number } = {}): Detection {
    const d: Detection = {
      id: this.detections.length + 1,
      imageId,
      categoryId: o.cat ?? 1,
      score,
      bbox,
      area: bbox[2] * bbox[3],
    };
    this.detections.push(d);
    return d;
  }

  input(): EvalInput {
    return { images: this.images, categories: this.categories, groundTruth: this.groundTruth, detections: this.detections };
  }

  evaluate(params: Partial<ParamsInput> = {}): CocoEvaluator {
    return new CocoEvaluator(this.input(), { iouType: 'bbox', ...params });
  }
}

/**
 * A random scene: boxes of all sizes around the area boundaries, crowd regions, detections near ground
 * truth and stray ones, tied scores, some images without ground truth and a category without any.
 */
export function randomScene(seed: number, images = 12): Scene {
  const rand = seeded(seed);
  const scene = new Scene();
  scene.categories = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }];
  const box = (): Box => {
    const w = 4 + rand() * 120;
    const h = 4 + rand() * 120;
    return [rand() * (300 - w), rand() * (300 - h), w, h];
  };
  for (let i = 1; i <= images; i++) {
    scene.image(i, 300, 300);
    const gts: GroundTruth[] = [];
    const nGt = i % 4 === 0 ? 0 : Math.floor(rand() * 6);
    for (let g = 0; g < nGt; g++) gts.push(scene.gt(i, box(), { cat: 1 + Math.floor(rand() * 3), crowd: rand() < 0.1 }));
    const nDt = Math.floor(rand() * 14);
    for (let d = 0; d < nDt; d++) {
      const near = gts.length > 0 && rand() < 0.6 ? gts[Math.floor(rand() * gts.length)] : null;
      const b = near ? jitter(near.bbox, rand) : box();
      const cat = near && rand() < 0.85 ? near.categoryId : 1 + Math.floor(rand() * 4);
      scene.dt(i, b, Math.round(rand() * 10) / 10, { cat });
    }
  }
  return scene;
}

function jitter([x, y, w, h]: Box, rand: () => number): Box {
  const j = () => (rand() - 0.5) * 0.4;
  return [Math.max(0, x + j() * w), Math.max(0, y + j() * h), w * (1 + j()), h * (1 + j())];
}
