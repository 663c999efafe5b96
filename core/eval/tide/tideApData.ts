/**
 * tidecv's own AP bookkeeping: per category, the scored detections that count (true or false positive) and the
 * number of ground-truth positives. Insertion order is kept everywhere because it decides ties: detections of
 * equal score keep the order they were added in, and categories are averaged in the order they first appeared.
 */

/** One detection as the AP sees it. */
export interface TideApPoint {
  readonly score: number;
  readonly correct: boolean;
}

/** Higher scores first; equal scores keep their order (the sort is stable). */
export function byScoreDescending(a: { score: number }, b: { score: number }): number {
  return a.score > b.score ? -1 : a.score < b.score ? 1 : 0;
}

class CategoryApData {
  readonly points = new Map<number, TideApPoint>();
  gtPositives = 0;

  isEmpty(): boolean {
    return this.points.size === 0 && this.gtPositives === 0;
  }

  /**
   * AP in percent: precision made non-increasing, read at recalls 0, 0.01, ..., 1 at the first detection
   * reaching each recall (0 beyond the last), averaged. 0 when the category has no ground-truth positives.
   */
  ap(): number {
    if (this.gtPositives === 0) return 0;
    const sorted = [...this.points.values()].sort(byScoreDescending);
    const precisions = new Float64Array(sorted.length);
    const recalls = new Float64Array(sorted.length);
    let trues = 0;
    let falses = 0;
    sorted.forEach((p, i) => {
      if (p.correct) trues++;
      else falses++;
      precisions[i] = trues / (trues + falses);
      recalls[i] = trues / this.gtPositives;
    });
    for (let i = sorted.length - 1; i > 0; i--) {
      if (precisions[i] > precisions[i - 1]) precisions[i - 1] = precisions[i];
    }
    let sum = 0;
    let at = 0;
    for (let bar = 0; bar <= 100; bar++) {
      const recall = bar / 100;
      while (at < recalls.length && recalls[at] < recall) at++;
      if (at < precisions.length) sum += precisions[at];
    }
    return (sum / 101) * 100;
  }
}

export class TideApData {
  private readonly categories = new Map<number, CategoryApData>();

  private category(categoryId: number): CategoryApData {
    let data = this.categories.get(categoryId);
    if (!data) {
      data = new CategoryApData();
      this.categories.set(categoryId, data);
    }
    return data;
  }

  push(categoryId: number, id: number, point: TideApPoint): void {
    this.category(categoryId).points.set(id, point);
  }

  addGtPositives(categoryId: number, count: number): void {
    this.category(categoryId).gtPositives += count;
  }

  /** Ground-truth positives per category, in first-appearance order. */
  gtPositives(): Map<number, number> {
    return new Map([...this.categories].map(([k, v]) => [k, v.gtPositives]));
  }

  /** The true positives of a category, in insertion order. */
  truePositives(categoryId: number): [number, TideApPoint][] {
    return [...(this.categories.get(categoryId)?.points ?? [])].filter(([, p]) => p.correct);
  }

  /**
   * Mean AP in percent over the categories that hold a detection or a ground-truth positive (a category with
   * detections and no ground truth counts as 0). tidecv divides by zero when there is no such category;
   * this returns 0 then.
   */
  meanAp(): number {
    const aps = [...this.categories.values()].filter((c) => !c.isEmpty()).map((c) => c.ap());
    if (aps.length === 0) return 0;
    let sum = 0;
    for (const ap of aps) sum += ap;
    return sum / aps.length;
  }
}
