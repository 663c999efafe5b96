import type { Migration } from './migration.js';

/** The first schema: images, categories, ground truth, models, their predictions and evaluation snapshots. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE project_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE images (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL UNIQUE,
      file_name TEXT NOT NULL,
      sha256 TEXT,
      width INTEGER,
      height INTEGER,
      orientation INTEGER NOT NULL DEFAULT 1,
      error TEXT,
      added_at TEXT NOT NULL,
      CHECK ((error IS NULL) = (width IS NOT NULL AND height IS NOT NULL))
    ) STRICT;

    CREATE TABLE thumbnails (
      image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
      jpeg BLOB NOT NULL
    ) STRICT;

    CREATE TABLE categories (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      supercategory TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE annotations (
      id INTEGER PRIMARY KEY,
      image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
      category_id INTEGER NOT NULL REFERENCES categories(id),
      x REAL NOT NULL,
      y REAL NOT NULL,
      w REAL NOT NULL CHECK (w >= 0),
      h REAL NOT NULL CHECK (h >= 0),
      area REAL NOT NULL CHECK (area >= 0),
      iscrowd INTEGER NOT NULL DEFAULT 0 CHECK (iscrowd IN (0, 1)),
      mask_counts TEXT,
      attributes TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX annotations_by_image ON annotations(image_id);

    CREATE TABLE models (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      variant TEXT NOT NULL DEFAULT '',
      path TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      kind TEXT NOT NULL,
      classes TEXT NOT NULL,
      settings TEXT NOT NULL DEFAULT '{}',
      added_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE prediction_runs (
      id INTEGER PRIMARY KEY,
      model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
      settings_key TEXT NOT NULL,
      provider TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;

    CREATE TABLE predictions (
      id INTEGER PRIMARY KEY,
      model_sha256 TEXT NOT NULL,
      image_sha256 TEXT NOT NULL,
      settings_key TEXT NOT NULL,
      category_id INTEGER NOT NULL,
      score REAL NOT NULL,
      x REAL NOT NULL,
      y REAL NOT NULL,
      w REAL NOT NULL,
      h REAL NOT NULL,
      mask_counts TEXT,
      mask_height INTEGER,
      mask_width INTEGER
    ) STRICT;
    CREATE INDEX predictions_by_key ON predictions(model_sha256, image_sha256, settings_key);

    CREATE TABLE eval_snapshots (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      iou_type TEXT NOT NULL CHECK (iou_type IN ('bbox', 'segm')),
      model_id INTEGER REFERENCES models(id) ON DELETE SET NULL,
      params TEXT NOT NULL,
      stats TEXT NOT NULL
    ) STRICT;
  `,
};
