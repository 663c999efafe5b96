import type { Category } from '../ipc/types.js';

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * Why a model's numbers are all zero when its predictions and the ground truth share no category: COCO evaluation
 * matches a prediction only with ground truth of its own category, so nothing can match. Null when they share one,
 * or when either side is empty (then the numbers already say so).
 */
export function categoryMismatch(
  groundTruth: readonly { categoryId: number }[],
  predictions: readonly { categoryId: number }[],
  categories: readonly Category[],
  modelName: string,
): string | null {
  if (groundTruth.length === 0 || predictions.length === 0) return null;
  const labelled = new Set(groundTruth.map((a) => a.categoryId));
  if (predictions.some((p) => labelled.has(p.categoryId))) return null;
  const name = (id: number) => categories.find((c) => c.id === id)?.name ?? `category ${id}`;
  const predicted = [...new Set(predictions.map((p) => p.categoryId))].map(name);
  return (
    `${modelName} predicts only ${quoted(predicted)} and the ground truth labels only ${quoted([...labelled].map(name))}: ` +
    `they share no category, so none of its predictions can match and its numbers are zero. ` +
    `Map its classes onto the ground truth's categories when importing or running it.`
  );
}
