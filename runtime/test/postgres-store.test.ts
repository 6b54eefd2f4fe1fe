import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store.js';
import { dropSchema, freshSchema, newTask, openTestStore, TEST_POSTGRES_URL } from './pg-helpers.js';

// PostgreSQL-specific behaviour the backend-neutral contract suite cannot express: joining a
// caller's transaction, racing connections, the schema lock, NOTIFY.
const schema = freshSchema('pgstore');
let store: Store;

beforeAll(async () => {
  store = await openTestStore(schema);
});
afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('PostgreSQL store', () => {
  it('enqueues inside the caller transaction: rolled back with it, committed with it', async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      const rolledBack = newTask({ name: 'tx.task' });
      await client.query('BEGIN');
      const [first] = await store.enqueue([rolledBack], { tx: client });
      expect(first).toEqual({ id: rolledBack.id, created: true });
      await client.query('ROLLBACK');
      expect(await store.get(rolledBack.id)).toBeNull();

      const committed = newTask({ name: 'tx.task' });
      await client.query('BEGIN');
      await store.enqueue([committed], { tx: client });
      expect(await store.get(committed.id)).toBeNull();
      await client.query('COMMIT');
      expect((await store.get(committed.id))?.state).toBe('queued');
    } finally {
      await client.end();
    }
  });

  it('rejects a tx that is not a pg client with a message saying what to pass', async () => {
    await expect(store.enqueue([newTask()], { tx: {} })).rejects.toThrow(/`tx` must be a `pg` client/);
  });

  it('creates one task when 20 connections enqueue the same key at once', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => openTestStore(schema)));
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => stores[i % 4]!.enqueue([newTask({ name: 'race.task', key: 'same-key' })])),
      );
      const flat = results.flat();
      expect(flat.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(flat.map((r) => r.id)).size).toBe(1);
      expect(await store.list({ name: 'race.task' })).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('never hands one task to two concurrent claimers', async () => {
    await store.enqueue(Array.from({ length: 200 }, () => newTask({ name: 'claim.race' })));
    const claimers = await Promise.all(Array.from({ length: 4 }, () => openTestStore(schema)));
    try {
      const batches = await Promise.all(
        claimers.flatMap((s, i) =>
          [1, 2, 3].map((round) => s.claim({ owner: `w${String(i)}-${String(round)}`, names: ['claim.race'], limit: 20, leaseMs: 30_000 })),
        ),
      );
      const ids = batches.flat().map((task) => task.id);
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
    } finally {
      await Promise.all(claimers.map((s) => s.close()));
    }
  });

  it('runs heartbeats and settles of one batch concurrently without deadlocking (rows locked in one order)', async () => {
    const other = await openTestStore(schema);
    try {
      for (let round = 0; round < 10; round += 1) {
        await store.enqueue(Array.from({ length: 20 }, () => newTask({ name: 'deadlock.check' })));
        const claimed = await store.claim({ owner: 'w', names: ['deadlock.check'], limit: 20, leaseMs: 30_000 });
        expect(claimed).toHaveLength(20);
        const leases = claimed.map((task) => ({ id: task.id, token: task.token }));
        // Opposite orders on two connections: without ordered locking this deadlocks.
        const [lost, applied] = await Promise.all([
          store.heartbeat(leases, 30_000),
          other.settle([...leases].reverse().map((lease) => ({ ...lease, kind: 'done' as const, result: null }))),
        ]);
        expect(applied).toEqual(leases.map(() => true));
        // Each lease was either extended before the settle or found settled after it.
        expect(lost.every((id) => leases.some((lease) => lease.id === id))).toBe(true);
      }
    } finally {
      await other.close();
    }
  });

  it('wakes a subscriber through LISTEN/NOTIFY when another store enqueues', async () => {
    const other = await openTestStore(schema);
    try {
      let unsubscribe = () => {};
      const woken = new Promise<void>((resolve) => {
        unsubscribe = store.subscribe(resolve);
      });
      // Let the LISTEN connection come up before the enqueue.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.enqueue([newTask({ name: 'notify.task' })]);
      await expect(
        Promise.race([
          woken.then(() => 'woken'),
          new Promise((r) =>
            setTimeout(() => {
              r('timeout');
            }, 3_000),
          ),
        ]),
      ).resolves.toBe('woken');
      unsubscribe();
    } finally {
      await other.close();
    }
  });

  // A keyless batch goes as a plain INSERT first; our own id coming back (the store's retry after a
  // lost reply) makes it fail as a whole, and the ON CONFLICT statement then reads the row back.
  it('treats a row sent again with its own id (a retry after a lost reply) as the one it stored, writing it once', async () => {
    const stored = newTask({ name: 'resent', payload: { v: 1 } });
    await store.enqueue([stored]);
    const fresh = newTask({ name: 'resent', payload: { v: 2 } });
    // `created` stays true: the first try created it, only its reply was lost.
    expect(await store.enqueue([stored, fresh])).toEqual([
      { id: stored.id, created: true },
      { id: fresh.id, created: true },
    ]);
    expect((await store.get(fresh.id))?.payload).toEqual({ v: 2 });
    expect(await store.list({ name: 'resent' })).toHaveLength(2);
    // One enqueued event each: the repeated row wrote nothing.
    expect((await store.events(stored.id)).map((event) => event.type)).toEqual(['enqueued']);
    expect((await store.events(fresh.id)).map((event) => event.type)).toEqual(['enqueued']);
    // A single task goes through its own one-row statement first; sent again, it falls back the same way.
    expect(await store.enqueue([stored])).toEqual([{ id: stored.id, created: true }]);
    expect((await store.get(stored.id))?.payload).toEqual({ v: 1 });
    expect(await store.list({ name: 'resent' })).toHaveLength(2);
  });

  it('stores a single task with every column as the batch statement does', async () => {
    const runAt = new Date(Date.now() + 60_000);
    const one = newTask({
      name: 'single',
      payload: { text: 'é "quoted"', list: [1, null] },
      tenant: 't1',
      priority: 7,
      runAt,
      maxAttempts: 5,
      maxLostLeases: 2,
      schedule: 'nightly',
    });
    expect(await store.enqueue([one])).toEqual([{ id: one.id, created: true }]);
    expect(await store.get(one.id)).toMatchObject({
      name: 'single',
      payload: { text: 'é "quoted"', list: [1, null] },
      state: 'queued',
      tenant: 't1',
      priority: 7,
      runAt,
      maxAttempts: 5,
      schedule: 'nightly',
    });
  });

  it('migrates concurrently from several stores without error and records each migration once', async () => {
    const fresh = freshSchema('pgmigrate');
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openTestStore(fresh)));
      await Promise.all(stores.map((s) => s.migrate()));
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      const { rows } = await client.query(
        `SELECT version, count(*)::int AS n FROM "${fresh}".fleet_migrations GROUP BY version ORDER BY version`,
      );
      await client.end();
      expect(rows).toEqual([
        { version: 1, n: 1 },
        { version: 2, n: 1 },
        { version: 3, n: 1 },
      ]);
    } finally {
      await dropSchema(fresh);
    }
  });

  it('rejects a schema name it would have to splice unsafely', async () => {
    await expect(openTestStore('bad"name')).rejects.toThrow(/schema name "bad"name" is not allowed/);
  });
});
