import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqliteDb } from './sqlite-db.js';

/** Folder of the numbered SQLite migrations, shipped with the package (`runtime/migrations/sqlite`). */
export const SQLITE_MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/sqlite/', import.meta.url));

/** A numbered migration file: `0001_init.sql` → version 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Read the numbered migrations of a folder in version order; refuses gaps and duplicates. */
export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file, sql: readFileSync(`${dir}/${file}`, 'utf8') }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `fleet-runtime: migration ${migration.name} in ${dir} should be number ${String(index + 1)}; migrations are numbered 0001, 0002, … without gaps.`,
      );
    }
  });
  return migrations;
}

/**
 * Apply pending migrations. The whole check-and-apply runs in one `BEGIN IMMEDIATE` transaction:
 * it holds SQLite's write lock, so two processes starting together apply each migration once and
 * the second one sees the first one's rows.
 */
export function migrate(db: SqliteDb, dir: string = SQLITE_MIGRATIONS_DIR): void {
  const migrations = readMigrations(dir);
  db.write(() => {
    db.db.exec(
      'CREATE TABLE IF NOT EXISTS fleet_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
    const applied = db.db
      .prepare('SELECT version FROM fleet_migrations ORDER BY version')
      .all()
      .map((row) => Number(row.version));
    const newest = applied.at(-1) ?? 0;
    if (newest > migrations.length) {
      throw new Error(
        `fleet-runtime: the database ${db.path} has schema version ${String(newest)} but this fleet-runtime knows only ${String(migrations.length)}; upgrade fleet-runtime before starting it on this database.`,
      );
    }
    for (const migration of migrations.slice(newest)) {
      db.db.exec(migration.sql);
      db.db
        .prepare('INSERT INTO fleet_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, Date.now());
    }
  });
}
