import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { claim } from '../src/stores/postgres/claim.js';
import { insertTasks } from '../src/stores/postgres/insert-tasks.js';
import { migrate } from '../src/stores/postgres/migrate.js';
import { PostgresDb } from '../src/stores/postgres/postgres-db.js';
import { dropSchema, freshSchema, newTask, requirePostgres, TEST_POSTGRES_URL } from './pg-helpers.js';

const opened: { db: PostgresDb; schema: string }[] = [];

async function openDb(durableClaims: boolean): Promise<PostgresDb> {
  await requirePostgres();
  const schema = freshSchema('claimcommit');
  // One connection, so the statement after the claim runs on the very connection the claim used.
  const db = new PostgresDb({
    connectionString: TEST_POSTGRES_URL,
    schema,
    poolSize: 1,
    reconnectTimeoutMs: 5000,
    logger: () => undefined,
    durableClaims,
    queryTimeoutMs: 30_000,
    connectTimeoutMs: 10_000,
  });
  opened.push({ db, schema });
  await migrate(db);
  return db;
}

const setting = async (db: PostgresDb): Promise<string> =>
  (await db.pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]?.synchronous_commit ?? '?';
const claimStatement = (db: PostgresDb, key: string) =>
  db.statement(key, () => {
    throw new Error(`the ${key} statement was not built by a claim yet`);
  });

afterEach(async () => {
  for (const { db, schema } of opened.splice(0)) {
    await db.close();
    await dropSchema(schema);
  }
});

describe('postgres claim commit mode', () => {
  it('commits a claim asynchronously by default, inside its own transaction only', async () => {
    const db = await openDb(false);
    expect(await setting(db)).toBe('on');
    await insertTasks(db, [newTask(), newTask()]);
    const [first] = await claim(db, { owner: 'w', names: ['test.task'], limit: 1, leaseMs: 30_000 });
    expect(first?.attempt).toBe(1);
    // SET LOCAL semantics: the pooled connection is back to the server's durable setting, so the
    // settle or enqueue that runs on it next still waits for its flush.
    expect(await setting(db)).toBe('on');
    const statement = claimStatement(db, 'claim');
    const inside = await db.transaction('probe', async (client) => {
      const { rows } = await client.query({ ...statement, values: [['test.task'], 1, 'w', randomUUID(), '30000'] });
      expect(rows).toHaveLength(1);
      return (await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]?.synchronous_commit;
    });
    expect(inside).toBe('off');
  });

  it('keeps claims durable with durableClaims', async () => {
    const db = await openDb(true);
    await insertTasks(db, [newTask(), newTask()]);
    expect(await claim(db, { owner: 'w', names: ['test.task'], limit: 1, leaseMs: 30_000 })).toHaveLength(1);
    const statement = claimStatement(db, 'claim_durable');
    const inside = await db.transaction('probe', async (client) => {
      const { rows } = await client.query({ ...statement, values: [['test.task'], 1, 'w', randomUUID(), '30000'] });
      expect(rows).toHaveLength(1);
      return (await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]?.synchronous_commit;
    });
    expect(inside).toBe('on');
  });
});
