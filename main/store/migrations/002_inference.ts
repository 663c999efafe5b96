import type { Migration } from './migration.js';

/**
 * Inference: models are unique by file path and may be bundled with the app; runs keep their outcome and
 * counts; `prediction_sets` records every (model, image, settings) already run, so an image with no detections
 * is a cache hit too.
 */
export const inference: Migration = {
  version: 2,
  name: 'inference',
  up: `
    ALTER TABLE models ADD COLUMN bundled INTEGER NOT NULL DEFAULT 0 CHECK (bundled IN (0, 1));
    CREATE UNIQUE INDEX models_by_path ON models(path);

    ALTER TABLE prediction_runs ADD COLUMN status TEXT NOT NULL DEFAULT 'running'
      CHECK (status IN ('running', 'done', 'cancelled', 'failed'));
    ALTER TABLE prediction_runs ADD COLUMN threads INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE prediction_runs ADD COLUMN image_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE prediction_runs ADD COLUMN done_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE prediction_runs ADD COLUMN error TEXT;

    CREATE TABLE prediction_sets (
      model_sha256 TEXT NOT NULL,
      image_sha256 TEXT NOT NULL,
      settings_key TEXT NOT NULL,
      run_id INTEGER REFERENCES prediction_runs(id) ON DELETE SET NULL,
      detection_count INTEGER NOT NULL,
      ms REAL NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (model_sha256, image_sha256, settings_key)
    ) STRICT;
  `,
};
