import type Database from 'better-sqlite3';
import type { Db } from './database.js';

/** A connection's prepared statements: each SQL text is prepared the first time it runs and reused after. */
export class Statements {
  readonly #byText = new Map<string, Database.Statement>();

  constructor(private readonly db: Db) {}

  prepare(sql: string): Database.Statement {
    let statement = this.#byText.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#byText.set(sql, statement);
    }
    return statement;
  }
}
