/** Model A's and model B's score thresholds: each model's detections scored at least its own count. */
export type ScoreThresholds = readonly [number, number];

/** "score ≥ 0.50", or "scores ≥ 0.50 (A), 0.30 (B)" when they differ. */
export function scoreText(t: ScoreThresholds): string {
  return t[0] === t[1] ? `score ≥ ${t[0].toFixed(2)}` : `scores ≥ ${t[0].toFixed(2)} (A), ${t[1].toFixed(2)} (B)`;
}
