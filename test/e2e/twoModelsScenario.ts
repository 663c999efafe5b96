import { pedestrianGroundTruth, pedestrianResults } from './comparedProject.js';

/** Two models on three frames, four people: the scenario the A-vs-B and Errors specs both read. */
export const gtJson = pedestrianGroundTruth(3, [
  [1, [20, 40, 40, 120]],
  [1, [200, 60, 50, 150]],
  [2, [100, 50, 45, 140]],
  [3, [300, 80, 40, 110]],
]);
// By construction, at IoU 0.5 and score ≥ 0.5: both find people 1 and 3; only B finds 2 (A's box is off) and 4.
// A's false alarms: its off box on f1 and one on the background of f3; B's: a second box on person 2. Both models
// fire confidently at (320, 150) on f2, where no one is labelled: a likely missed person.
export const resultsA = pedestrianResults([
  [1, [21, 41, 40, 118], 0.95],
  [1, [230, 90, 50, 150], 0.8],
  [2, [100, 52, 45, 138], 0.9],
  [2, [320, 150, 40, 100], 0.85],
  [3, [10, 10, 40, 100], 0.7],
]);
export const resultsB = pedestrianResults([
  [1, [20, 40, 41, 121], 0.9],
  [1, [201, 61, 50, 149], 0.85],
  [1, [199, 58, 52, 152], 0.8],
  [2, [101, 50, 45, 141], 0.88],
  [2, [322, 151, 40, 98], 0.8],
  [3, [300, 81, 40, 108], 0.75],
]);
