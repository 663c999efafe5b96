import { AnnotationsRepository } from './annotationsRepository.js';
import { CategoriesRepository } from './categoriesRepository.js';
import { openDatabase, type Db, type OpenOptions } from './database.js';
import { ImagesRepository } from './imagesRepository.js';
import { MetaRepository } from './metaRepository.js';
import { ModelsRepository } from './modelsRepository.js';
import { PredictionsRepository } from './predictionsRepository.js';

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
    readonly db: Db,
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

  close(): void {
    if (this.db.open) this.db.close();
  }
}
