import { AnnotationsRepository } from './annotationsRepository.js';
import { CategoriesRepository } from './categoriesRepository.js';
import { openDatabase, type Db, type OpenOptions } from './database.js';
import { ImagesRepository } from './imagesRepository.js';
import { MetaRepository } from './metaRepository.js';
import { ModelsRepository } from './modelsRepository.js';
import { PredictionsRepository } from './predictionsRepository.js';
import { takeSnapshot, type Snapshot } from './snapshots.js';

/** One project's SQLite file and the typed repositories over it: the only door to SQL. */
export class ProjectStore {
  readonly images: ImagesRepository;
  readonly annotations: AnnotationsRepository;
  readonly categories: CategoriesRepository;
  readonly meta: MetaRepository;
  readonly models: ModelsRepository;
  readonly predictions: PredictionsRepository;

  private constructor(
    readonly path: string,
    private readonly db: Db,
  ) {
    this.images = new ImagesRepository(db);
    this.annotations = new AnnotationsRepository(db);
    this.categories = new CategoriesRepository(db);
    this.meta = new MetaRepository(db);
    this.models = new ModelsRepository(db);
    this.predictions = new PredictionsRepository(db);
  }

  static open(path: string, options?: OpenOptions): ProjectStore {
    return new ProjectStore(path, openDatabase(path, options));
  }

  /** Whether the database is still open: false once the store is closed. */
  get isOpen(): boolean {
    return this.db.open;
  }

  /**
   * Runs repository calls as one transaction: all of their writes are kept, or, when `fn` throws, none. Calls that
   * are transactions of their own nest inside it.
   */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Takes a snapshot beside the database with SQLite's online backup, keeping only the newest few. */
  snapshot(): Promise<Snapshot> {
    return takeSnapshot(this.db, this.path);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
