import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * One SQLite connection with a prepared-statement cache and a write-transaction helper. Every
 * SQLite store operation receives this; none opens its own connection.
 */
export class SqliteDb {
  readonly #statements = new Map<string, StatementSync>();
  readonly #listeners = new Set<() => void>();
  #closed = false;

  readonly db: DatabaseSync;
  readonly path: string;

  // Plain fields, not parameter properties: the tests run this source under Node's type stripping.
  constructor(db: DatabaseSync, path: string) {
    this.db = db;
    this.path = path;
  }

  /** A cached prepared statement (preparing is most of the cost of a small query). */
  statement(sql: string): StatementSync {
    if (this.#closed) throw new Error(`fleet-runtime: the SQLite store for ${this.path} is closed.`);
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Run `fn` in a `BEGIN IMMEDIATE` transaction. IMMEDIATE takes the write lock up front, so a
   * concurrent process waits on `busy_timeout` instead of failing with SQLITE_BUSY when a deferred
   * read transaction would have to upgrade to a write.
   */
  write<T>(fn: () => T): T {
    this.statement('BEGIN IMMEDIATE').run();
    try {
      const result = fn();
      this.statement('COMMIT').run();
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.statement('ROLLBACK').run();
      throw error;
    }
  }

  /** Tell same-process subscribers that work may be ready. */
  wake(): void {
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#statements.clear();
    this.#listeners.clear();
    this.db.close();
  }
}
