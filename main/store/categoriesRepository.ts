import type { Category } from '../../core/ipc/types.js';
import type { Db } from './database.js';
import { Statements } from './statements.js';

export class CategoriesRepository {
  private readonly statements: Statements;

  constructor(db: Db) {
    this.statements = new Statements(db);
  }

  all(): Category[] {
    return this.statements.prepare('SELECT id, name FROM categories ORDER BY id').all() as Category[];
  }

  /** The id of the named category, created when missing. */
  ensure(name: string): number {
    const row = this.statements
      .prepare('INSERT INTO categories (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id')
      .get(name) as { id: number };
    return row.id;
  }

  /** Every category with its COCO supercategory. */
  withSupercategories(): (Category & { supercategory: string })[] {
    return this.statements.prepare('SELECT id, name, supercategory FROM categories ORDER BY id').all() as (Category & { supercategory: string })[];
  }

  setSupercategory(id: number, supercategory: string): void {
    this.statements.prepare('UPDATE categories SET supercategory = ? WHERE id = ?').run(supercategory, id);
  }
}
