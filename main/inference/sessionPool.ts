import type { DetectorInfo } from './detector.js';
import { ModelWorker } from './inferenceWorkerClient.js';

interface Entry {
  worker: ModelWorker;
  sha256: string;
  threads: number;
  opening: Promise<DetectorInfo>;
  info: DetectorInfo | null;
}

/** One worker per model file, its session kept open between runs and reopened when the file or thread count changes. */
export class SessionPool {
  private readonly entries = new Map<string, Entry>();

  /**
   * The model's worker with its session open. With `anyThreads`, a session already open with another thread count
   * is taken as it is (a short job beside a run that keeps its session).
   */
  async open(path: string, sha256: string, threads: number, anyThreads = false): Promise<{ worker: ModelWorker; info: DetectorInfo }> {
    let entry = this.entries.get(path);
    if (!entry || !entry.worker.alive || entry.sha256 !== sha256 || (entry.threads !== threads && !anyThreads)) {
      const worker = entry?.worker.alive ? entry.worker : new ModelWorker();
      const opening = worker.open(path, threads);
      const fresh: Entry = { worker, sha256, threads, opening, info: null };
      entry = fresh;
      this.entries.set(path, fresh);
      opening.then(
        (info) => (fresh.info = info),
        () => {
          if (this.entries.get(path) !== fresh) return;
          this.entries.delete(path);
          void worker.close();
        },
      );
    }
    return { worker: entry.worker, info: await entry.opening };
  }

  /** The provider of an open session, if the file has one. */
  provider(path: string): string | null {
    return this.entries.get(path)?.info?.provider ?? null;
  }

  async close(): Promise<void> {
    const workers = [...this.entries.values()].map((e) => e.worker);
    this.entries.clear();
    await Promise.all(workers.map((w) => w.close()));
  }
}
