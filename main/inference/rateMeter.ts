/** Images per second over the last few images, and the time left at that pace. */
export class RateMeter {
  private readonly times: number[] = [];
  private readonly startedAt: number;

  constructor(
    private readonly window = 20,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  tick(): void {
    this.times.push(this.now());
    if (this.times.length > this.window) this.times.shift();
  }

  perSecond(): number | null {
    const n = this.times.length;
    if (n === 0) return null;
    const first = n === 1 ? this.startedAt : this.times[0];
    const span = this.times[n - 1] - first;
    return span > 0 ? ((n === 1 ? 1 : n - 1) * 1000) / span : null;
  }

  etaSeconds(remaining: number): number | null {
    const rate = this.perSecond();
    return rate ? remaining / rate : null;
  }
}
