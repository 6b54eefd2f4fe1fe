import { fileURLToPath } from 'node:url';
import { readMigrations } from '../sqlite/migrate.js';
import type { PostgresDb } from './postgres-db.js';

/** Folder of the numbered PostgreSQL migrations, shipped with the package (`runtime/migrations/postgres`). */
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/postgres/', import.meta.url));

// A fixed 64-bit key for the advisory lock, combined with the schema so two stores in one database
// migrate independently. hashtext() is stable across servers of one major version, which is all a
// lock held for the length of one transaction needs.
const LOCK = 'SELECT pg_advisory_xact_lock(7464101, hashtext($1))';

/**
 * Apply pending migrations. The check-and-apply runs in one transaction that first takes a
 * transaction-scoped advisory lock: replicas starting together queue on the lock, and the second
 * sees the first one's `fleet_migrations` rows, so each migration is applied exactly once. DDL is
 * transactional in PostgreSQL, so a failed migration leaves nothing half-applied.
 *
 * An unreachable server fails at once instead of entering the pool's reconnect loop: `connect()`
 * owns the startup retry (attempts, backoff, the notices), and two nested loops would multiply the
 * wait before a CLI gives up (8 attempts × 60 s instead of about a minute).
 */
export async function migrate(db: PostgresDb, dir: string = POSTGRES_MIGRATIONS_DIR): Promise<void> {
  const migrations = readMigrations(dir);
  const t = db.tables;
  await db.transaction(
    'migrating',
    async (client) => {
      await client.query(LOCK, [t.schema]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${t.schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${t.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const applied = (await client.query<{ version: number }>(`SELECT version FROM ${t.migrations} ORDER BY version`)).rows.map(
        (row) => row.version,
      );
      const newest = applied.at(-1) ?? 0;
      if (newest > migrations.length) {
        throw new Error(
          `fleet-runtime: the PostgreSQL schema ${t.schema} has version ${String(newest)} but this fleet-runtime knows only ${String(migrations.length)}; upgrade fleet-runtime before starting it on this database.`,
        );
      }
      // Migration files use unqualified names; SET LOCAL scopes the schema to this transaction.
      await client.query(`SET LOCAL search_path TO ${t.schema}`);
      for (const migration of migrations.slice(newest)) {
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      }
    },
    { retry: false },
  );
}
