import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { Statements } from '../../../../main/store/statements.js';

describe('Statements', () => {
  it('prepares each SQL text once and hands the same statement back after', () => {
    const db = new Database(':memory:');
    const prepare = vi.spyOn(db, 'prepare');
    const statements = new Statements(db);
    const first = statements.prepare('SELECT 1 AS n');
    expect(statements.prepare('SELECT 1 AS n')).toBe(first);
    expect(statements.prepare('SELECT 2 AS n').get()).toEqual({ n: 2 });
    expect(prepare).toHaveBeenCalledTimes(2);
    db.close();
  });
});
