import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate, POSTGRES_MIGRATIONS_DIR } from './migrate.js';
import { PostgresDb } from './postgres-db.js';

/** Header of the committed snapshot `migrations/postgres/schema.sql`. */
export const POSTGRES_SNAPSHOT_HEADER =
  '-- DO NOT EDIT: generated from the numbered migrations (tables, columns, constraints, indexes read back from the catalog).\n-- Regenerate: FLEET_WRITE_SCHEMA=1 npx vitest run runtime/test/postgres-schema.test.ts\n';

const COLUMNS = `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, identity_generation
  FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`;
const CONSTRAINTS = `SELECT rel.relname AS table_name, con.conname, pg_get_constraintdef(con.oid) AS def
  FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
  WHERE ns.nspname = $1 ORDER BY rel.relname, con.conname`;
const OPTIONS = `SELECT c.relname, array_to_string(c.reloptions, ', ') AS options FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
  WHERE ns.nspname = $1 AND c.relkind = 'r' AND c.reloptions IS NOT NULL ORDER BY c.relname`;
const INDEXES = 'SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY tablename, indexname';

/**
 * The schema the migrations produce, as stable text: they are applied to a fresh temporary schema
 * on the server at `url`, read back from the catalog, and the schema is dropped. Comparing it with
 * the committed snapshot proves the snapshot and the migrations agree.
 */
export async function postgresSchemaSnapshot(url: string, dir: string = POSTGRES_MIGRATIONS_DIR): Promise<string> {
  const schema = `fleet_snapshot_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const db = new PostgresDb({
    connectionString: url,
    schema,
    poolSize: 1,
    reconnectTimeoutMs: 10_000,
    logger: () => undefined,
    durableClaims: true,
    queryTimeoutMs: 30_000,
    connectTimeoutMs: 10_000,
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(db, dir);
    const lines: string[] = [];
    let table = '';
    for (const c of (await client.query<Record<string, string | null>>(COLUMNS, [schema])).rows) {
      if (c.table_name !== table) {
        table = String(c.table_name);
        lines.push('', `TABLE ${table}`);
      }
      const identity = c.is_identity === 'YES' ? ` GENERATED ${String(c.identity_generation)} AS IDENTITY` : '';
      const defaults = c.column_default === null ? '' : ` DEFAULT ${String(c.column_default)}`;
      lines.push(`  ${String(c.column_name)} ${String(c.data_type)}${c.is_nullable === 'NO' ? ' NOT NULL' : ''}${defaults}${identity}`);
    }
    lines.push('');
    for (const c of (await client.query<Record<string, string>>(CONSTRAINTS, [schema])).rows) {
      lines.push(`CONSTRAINT ${String(c.table_name)}.${String(c.conname)}: ${String(c.def)}`);
    }
    for (const o of (await client.query<Record<string, string>>(OPTIONS, [schema])).rows) {
      lines.push(`STORAGE ${String(o.relname)}: ${String(o.options)}`);
    }
    lines.push('');
    for (const i of (await client.query<Record<string, string>>(INDEXES, [schema])).rows) {
      lines.push(`${String(i.indexdef).replaceAll(`${schema}.`, '')};`);
    }
    return `${POSTGRES_SNAPSHOT_HEADER}${lines.join('\n')}\n`;
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await client.end();
    await db.close();
  }
}
