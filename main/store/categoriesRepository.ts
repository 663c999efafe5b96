import type { Category } from '../../core/ipc/types.js';
import type { Db } from './database.js';

export class CategoriesRepository {
  constructor(private readonly db: Db) {}

  all(): Category[] {
    return this.db.prepare('SELECT id, name FROM categories ORDER BY id').all() as Category[];
  }

  /** The id of the named category, created when missing. */
  ensure(name: string): number {
    const row = this.db
      .prepare('INSERT INTO categories (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id')
      .get(name) as { id: number };
    return row.id;
  }

  /** Every category with its COCO supercategory. */
  withSupercategories(): (Category & { supercategory: string })[] {
    return this.db.prepare('SELECT id, name, supercategory FROM categories ORDER BY id').all() as (Category & { supercategory: string })[];
  }

  setSupercategory(id: number, supercategory: string): void {
    this.db.prepare('UPDATE categories SET supercategory = ? WHERE id = ?').run(supercategory, id);
  }
}
