import { loadSqlite } from './load-sqlite.js';
import { migrate, SQLITE_MIGRATIONS_DIR } from './migrate.js';
import { SqliteDb } from './sqlite-db.js';

/** Header of the committed snapshot `migrations/sqlite/schema.sql`. */
export const SNAPSHOT_HEADER = '-- DO NOT EDIT: generated from the numbered migrations by `fleet-runtime schema --write`.\n';

/**
 * The schema the migrations produce, as `CREATE` statements in a stable order: applied to an
 * empty in-memory database and read back from `sqlite_schema`. Comparing it with the committed
 * snapshot proves the snapshot and the migrations agree.
 */
export async function sqliteSchemaSnapshot(dir: string = SQLITE_MIGRATIONS_DIR): Promise<string> {
  const { DatabaseSync } = await loadSqlite();
  const db = new SqliteDb(new DatabaseSync(':memory:'), ':memory:');
  try {
    migrate(db, dir);
    const rows = db.db
      .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name")
      .all();
    return `${SNAPSHOT_HEADER}\n${rows.map((row) => `${String(row.sql)};`).join('\n\n')}\n`;
  } finally {
    db.close();
  }
}
