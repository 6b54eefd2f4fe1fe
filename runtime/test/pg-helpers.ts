import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { NewTask } from '../src/store.js';
import { createPostgresStore, type PostgresStoreOptions } from '../src/stores/postgres/index.js';

/** The PostgreSQL the runtime tests use (CI and the dev machine: trust auth on 127.0.0.1). */
export const TEST_POSTGRES_URL = process.env.FLEET_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Fail loudly (never skip) when the test database is down: these tests are part of CI's contract.
 */
export async function requirePostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for the runtime tests but ${TEST_POSTGRES_URL} is unreachable (${(error as Error).message}). Start it (e.g. \`pg_ctlcluster 15 main start\`) or set FLEET_TEST_DATABASE_URL.`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh, unique schema name, so parallel test files never share tables. */
export function freshSchema(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** Drop a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A migrated store on a fresh schema; quiet logger unless given one. */
export async function openTestStore(schema: string, options: Partial<PostgresStoreOptions> = {}) {
  await requirePostgres();
  const store = await createPostgresStore({
    url: TEST_POSTGRES_URL,
    schema,
    logger: () => undefined,
    ...options,
  });
  await store.migrate();
  return store;
}

/** A task with defaults for tests. */
export function newTask(overrides: Partial<NewTask> = {}): NewTask {
  return {
    id: randomUUID(),
    name: 'test.task',
    payload: { n: 1 },
    key: null,
    tenant: null,
    priority: 0,
    runAt: new Date(),
    maxAttempts: 3,
    maxLostLeases: 3,
    schedule: null,
    ...overrides,
  };
}
