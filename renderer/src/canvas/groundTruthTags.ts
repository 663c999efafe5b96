import type { Annotation, Category } from '../../../core/ipc/types';
import { placeTags, type PlacedLabel } from './labelPlacement';
import { boxLabelSize } from './layers/BoxLabel';

/** A ground-truth box's tag: its category, and "crowd" for a crowd region. */
export function groundTruthTagText(a: Annotation, names: ReadonlyMap<number, string>): string {
  return `${names.get(a.categoryId) ?? a.categoryId}${a.iscrowd ? ' · crowd' : ''}`;
}

/** Where the tags of these ground-truth boxes sit at a stage scale, as `placeTags` places them. */
export function groundTruthTags(annotations: readonly Annotation[], categories: readonly Category[], scale: number, imageWidth: number): PlacedLabel[] {
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const sizes = annotations.map((a) => boxLabelSize(groundTruthTagText(a, names), scale));
  const spots = placeTags(
    annotations.map((a, i) => ({ box: a.bbox, ...sizes[i] })),
    imageWidth,
  );
  return spots.flatMap((spot, i) => (spot ? [{ ...spot, ...sizes[i] }] : []));
}
