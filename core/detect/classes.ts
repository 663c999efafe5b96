import type { ModelKind } from './types.js';

/** The 80 COCO detection classes in the order YOLOX and most COCO-trained detectors number them, ten to a line. */
// prettier-ignore
export const COCO_CLASSES = [
  'person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'traffic light',
  'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse', 'sheep', 'cow',
  'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie', 'suitcase', 'frisbee',
  'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove', 'skateboard', 'surfboard', 'tennis racket', 'bottle',
  'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple', 'sandwich', 'orange',
  'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'couch', 'potted plant', 'bed',
  'dining table', 'toilet', 'tv', 'laptop', 'mouse', 'remote', 'keyboard', 'cell phone', 'microwave', 'oven',
  'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase', 'scissors', 'teddy bear', 'hair drier', 'toothbrush',
];

const BACKGROUND = new Set(['__background__', 'background']);

/** Names that count as the same category: COCO's "person" is a pedestrian, and the reverse. */
export const SAME_CATEGORY: readonly (readonly string[])[] = [['pedestrian', 'person']];

/**
 * The class names a model has when nothing says otherwise: torchvision detectors number from 1 after the
 * background (index 1 = "pedestrian"); a YOLOX head with 80 classes is COCO's, with one it is "person".
 */
export function defaultClasses(kind: ModelKind, classCount?: number): string[] {
  if (kind !== 'yolox') return ['__background__', 'pedestrian'];
  if (classCount === 80) return [...COCO_CLASSES];
  if (classCount === 1) return ['person'];
  return Array.from({ length: classCount ?? 0 }, (_, i) => `class ${i}`);
}

/**
 * Maps each model class onto a project category by name (case-insensitive), directly or through an alias;
 * classes that match none map to null and are dropped, so an 80-class detector is scored on pedestrians only.
 */
export function mapClasses(classes: readonly string[], categories: readonly string[]): (string | null)[] {
  const byName = new Map(categories.map((c) => [c.trim().toLowerCase(), c]));
  return classes.map((raw) => {
    const name = raw.trim().toLowerCase();
    if (BACKGROUND.has(name)) return null;
    const direct = byName.get(name);
    if (direct) return direct;
    const group = SAME_CATEGORY.find((names) => names.includes(name)) ?? [];
    return group.map((n) => byName.get(n)).find((c) => c !== undefined) ?? null;
  });
}
