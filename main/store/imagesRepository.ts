import type { ImageEntry } from '../../core/ipc/types.js';
import type { Db } from './database.js';
import { Statements } from './statements.js';

export interface ImageRecord {
  path: string;
  fileName: string;
  sha256: string | null;
  width: number | null;
  height: number | null;
  orientation: number;
  error: string | null;
}

export interface StoredImage extends ImageRecord {
  id: number;
}

interface Row {
  id: number;
  path: string;
  file_name: string;
  sha256: string | null;
  width: number | null;
  height: number | null;
  orientation: number;
  error: string | null;
}

function fromRow(r: Row): StoredImage {
  return {
    id: r.id,
    path: r.path,
    fileName: r.file_name,
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    orientation: r.orientation,
    error: r.error,
  };
}

export class ImagesRepository {
  private readonly statements: Statements;

  constructor(private readonly db: Db) {
    this.statements = new Statements(db);
  }

  /** Inserts or refreshes the record for a path, keeping its id; returns the id. */
  upsert(image: ImageRecord, thumbnail: Buffer | null): number {
    return this.db.transaction(() => {
      const row = this.statements
        .prepare(
          `INSERT INTO images (path, file_name, sha256, width, height, orientation, error, added_at)
           VALUES (@path, @fileName, @sha256, @width, @height, @orientation, @error, @now)
           ON CONFLICT(path) DO UPDATE SET file_name = excluded.file_name, sha256 = excluded.sha256,
             width = excluded.width, height = excluded.height, orientation = excluded.orientation, error = excluded.error
           RETURNING id`,
        )
        .get({ ...image, now: new Date().toISOString() }) as { id: number };
      if (thumbnail) {
        this.statements
          .prepare('INSERT INTO thumbnails (image_id, jpeg) VALUES (?, ?) ON CONFLICT(image_id) DO UPDATE SET jpeg = excluded.jpeg')
          .run(row.id, thumbnail);
      } else {
        this.statements.prepare('DELETE FROM thumbnails WHERE image_id = ?').run(row.id);
      }
      return row.id;
    })();
  }

  get(id: number): StoredImage | undefined {
    const row = this.statements.prepare('SELECT * FROM images WHERE id = ?').get(id) as Row | undefined;
    return row && fromRow(row);
  }

  byPath(path: string): StoredImage | undefined {
    const row = this.statements.prepare('SELECT * FROM images WHERE path = ?').get(path) as Row | undefined;
    return row && fromRow(row);
  }

  all(): StoredImage[] {
    return (this.statements.prepare('SELECT * FROM images ORDER BY file_name COLLATE NOCASE, id').all() as Row[]).map(fromRow);
  }

  /** The list the UI shows, with each image's ground-truth count. */
  /**
   * The image list: folder by folder, and in each folder by file name with numbers in number order, so a
   * sequence's frames come in frame order. `folderOf` names an image's folder for the list.
   */
  entries(folderOf: (path: string) => string): ImageEntry[] {
    const rows = this.statements.prepare(`SELECT i.*, (SELECT COUNT(*) FROM annotations a WHERE a.image_id = i.id) AS n FROM images i`).all() as (Row & {
      n: number;
    })[];
    const entries = rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      folder: folderOf(r.path),
      width: r.width,
      height: r.height,
      sha256: r.sha256,
      error: r.error,
      annotationCount: r.n,
    }));
    const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
    return entries.sort((a, b) => byName(a.folder, b.folder) || byName(a.fileName, b.fileName) || a.id - b.id);
  }

  thumbnail(id: number): Buffer | undefined {
    const row = this.statements.prepare('SELECT jpeg FROM thumbnails WHERE image_id = ?').get(id) as { jpeg: Buffer } | undefined;
    return row?.jpeg;
  }

  remove(id: number): void {
    this.statements.prepare('DELETE FROM images WHERE id = ?').run(id);
  }

  counts(): { images: number; errors: number } {
    return this.statements.prepare('SELECT COUNT(*) AS images, COUNT(error) AS errors FROM images').get() as { images: number; errors: number };
  }
}
