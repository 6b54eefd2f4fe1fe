import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DONE_EVENT_ID, type Store, type TaskState } from '../src/store.js';
import { POSTGRES_MIGRATIONS_DIR } from '../src/stores/postgres/migrate.js';
import { createSqliteStore } from '../src/stores/sqlite/index.js';
import { SQLITE_MIGRATIONS_DIR } from '../src/stores/sqlite/migrate.js';
import { dropSchema, freshSchema, openTestStore, requirePostgres, TEST_POSTGRES_URL } from './pg-helpers.js';

// A database written by the first release (schema version 1) with a task in every state, each
// with the event rows version 1 stored for it, upgrades in place: the migrations run, the running
// task whose worker is gone is reaped, the failed and dead ones can be re-driven, every runnable
// task is claimed exactly once and completes, and the finished ones keep their state and history.
const NAME = 'every.state';
const HOUR = 3_600_000;

interface OldTask {
  id: string;
  state: TaskState;
  attempts: number;
  maxAttempts: number;
  leaseToken?: string;
  lastError?: string;
  result?: string;
  finished: boolean;
  events: [type: string, attempt: number | null][];
}

const OLD_TASKS: OldTask[] = [
  {
    id: '0190a0a0-0000-7000-8000-00000000e001',
    state: 'queued',
    attempts: 0,
    maxAttempts: 3,
    finished: false,
    events: [['enqueued', null]],
  },
  {
    id: '0190a0a0-0000-7000-8000-00000000e002',
    state: 'running',
    attempts: 1,
    maxAttempts: 3,
    leaseToken: 'token-of-a-worker-that-is-gone',
    finished: false,
    events: [
      ['enqueued', null],
      ['started', 1],
    ],
  },
  {
    id: '0190a0a0-0000-7000-8000-00000000e003',
    state: 'retrying',
    attempts: 1,
    maxAttempts: 3,
    lastError: 'Error: 503',
    finished: false,
    events: [
      ['enqueued', null],
      ['started', 1],
      ['retrying', 1],
    ],
  },
  {
    id: '0190a0a0-0000-7000-8000-00000000e004',
    state: 'done',
    attempts: 1,
    maxAttempts: 3,
    result: '{"ok":1}',
    finished: true,
    events: [
      ['enqueued', null],
      ['started', 1],
      ['done', 1],
    ],
  },
  {
    id: '0190a0a0-0000-7000-8000-00000000e005',
    state: 'failed',
    attempts: 1,
    maxAttempts: 3,
    lastError: 'TerminalError: bad input',
    finished: true,
    events: [
      ['enqueued', null],
      ['started', 1],
      ['failed', 1],
    ],
  },
  {
    id: '0190a0a0-0000-7000-8000-00000000e006',
    state: 'dead',
    attempts: 3,
    maxAttempts: 3,
    lastError: 'Error: 503',
    finished: true,
    events: [
      ['enqueued', null],
      ['started', 3],
      ['dead', 3],
    ],
  },
  {
    id: '0190a0a0-0000-7000-8000-00000000e007',
    state: 'cancelled',
    attempts: 0,
    maxAttempts: 3,
    finished: true,
    events: [
      ['enqueued', null],
      ['cancelled', 0],
    ],
  },
];
const byState = (state: TaskState): OldTask => {
  const task = OLD_TASKS.find((candidate) => candidate.state === state);
  if (task === undefined) throw new Error(`no old task in state ${state}`);
  return task;
};

async function runsEveryStateToCompletion(store: Store): Promise<void> {
  // Nothing was lost in the upgrade: every row, state and stored event is there.
  for (const old of OLD_TASKS) {
    expect(await store.get(old.id)).toMatchObject({ state: old.state, attempts: old.attempts });
    expect((await store.events(old.id)).map((event) => [event.type, event.attempt])).toEqual(old.events);
  }
  expect((await store.list({ name: NAME })).map((task) => task.id).sort()).toEqual(OLD_TASKS.map((task) => task.id).sort());
  // The lease of the version-1 worker expired an hour ago: reaped, back in the queue, its attempt spent.
  const reaped = await store.reapExpired();
  expect(reaped).toEqual({ requeued: [byState('running').id], dead: [] });
  // The old token is fenced off: its late outcome changes nothing.
  expect(
    await store.settle([{ id: byState('running').id, token: byState('running').leaseToken ?? '', kind: 'done', result: null }]),
  ).toEqual([false]);
  expect((await store.redrive([byState('failed').id, byState('dead').id])).sort()).toEqual(
    [byState('failed').id, byState('dead').id].sort(),
  );
  const runnable = ['queued', 'running', 'retrying', 'failed', 'dead'].map((state) => byState(state as TaskState).id);
  const claimed = await store.claim({ owner: 'upgraded', names: [NAME], limit: 20, leaseMs: 30_000 });
  expect(claimed.map((task) => task.id).sort()).toEqual([...runnable].sort());
  // Claimed once: a second claim finds nothing.
  expect(await store.claim({ owner: 'another', names: [NAME], limit: 20, leaseMs: 30_000 })).toEqual([]);
  expect(await store.settle(claimed.map((task) => ({ id: task.id, token: task.token, kind: 'done' as const, result: { n: 1 } })))).toEqual(
    claimed.map(() => true),
  );
  // Completed once: the same outcome again is refused.
  expect(await store.settle(claimed.map((task) => ({ id: task.id, token: task.token, kind: 'done' as const, result: null })))).toEqual(
    claimed.map(() => false),
  );
  for (const id of runnable) {
    expect(await store.get(id)).toMatchObject({ state: 'done', result: { n: 1 }, leaseOwner: null });
    const events = await store.events(id);
    // The old rows first, then this version's: one derived done event, last.
    expect(events.at(-1)).toMatchObject({ id: DONE_EVENT_ID, type: 'done' });
    expect(events.filter((event) => event.type === 'done')).toHaveLength(1);
  }
  expect((await store.events(byState('running').id)).map((event) => event.type)).toEqual([
    'enqueued',
    'started',
    'lease-expired',
    'started',
    'done',
  ]);
  expect((await store.events(byState('dead').id)).map((event) => event.type)).toEqual([
    'enqueued',
    'started',
    'dead',
    'redriven',
    'started',
    'done',
  ]);
  // The finished tasks that were not re-driven keep their state, result and stored history.
  expect(await store.get(byState('done').id)).toMatchObject({ state: 'done', result: { ok: 1 } });
  expect((await store.events(byState('done').id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'done']);
  expect((await store.events(byState('done').id)).at(-1)?.id).toBeLessThan(DONE_EVENT_ID);
  expect((await store.get(byState('cancelled').id))?.state).toBe('cancelled');
  // Retention still purges them all, events included.
  expect(await store.purge(new Date(Date.now() + 60_000))).toBe(OLD_TASKS.length);
  for (const old of OLD_TASKS) expect(await store.events(old.id)).toEqual([]);
}

describe('upgrade from schema version 1 with a task in every state', () => {
  const schema = freshSchema('pgevery');
  afterAll(async () => {
    await dropSchema(schema);
  });

  it('PostgreSQL: the migrations keep every task, and every runnable one completes once', async () => {
    await requirePostgres();
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      await client.query(readFileSync(join(POSTGRES_MIGRATIONS_DIR, '0001_init.sql'), 'utf8'));
      await client.query(
        'CREATE TABLE fleet_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      await client.query("INSERT INTO fleet_migrations (version, name) VALUES (1, '0001_init.sql')");
      for (const old of OLD_TASKS) {
        const running = old.state === 'running';
        await client.query(
          `INSERT INTO fleet_tasks (id, name, payload, state, run_at, attempts, max_attempts, max_lost_leases, lease_owner, lease_token, lease_until,
             last_error, result, created_at, finished_at)
           VALUES ($1, $2, '{}', $3, now() - interval '1 hour', $4, $5, 3, $6, $7, $8, $9, $10::jsonb, now() - interval '1 hour', $11)`,
          [
            old.id,
            NAME,
            old.state,
            old.attempts,
            old.maxAttempts,
            running ? 'worker-v1' : null,
            old.leaseToken ?? null,
            running ? new Date(Date.now() - HOUR) : null,
            old.lastError ?? null,
            old.result ?? null,
            old.finished ? new Date(Date.now() - HOUR) : null,
          ],
        );
        for (const [type, attempt] of old.events) {
          await client.query("INSERT INTO fleet_events (task_id, type, attempt, at) VALUES ($1, $2, $3, now() - interval '1 hour')", [
            old.id,
            type,
            attempt,
          ]);
        }
      }
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const store = await openTestStore(schema);
    try {
      await runsEveryStateToCompletion(store);
    } finally {
      await store.close();
    }
  });

  it('SQLite: the migrations keep every task, and every runnable one completes once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-every-state-'));
    const path = join(dir, 'fleet.db');
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(path);
    db.exec(readFileSync(join(SQLITE_MIGRATIONS_DIR, '0001_init.sql'), 'utf8'));
    db.exec('CREATE TABLE fleet_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    db.prepare('INSERT INTO fleet_migrations VALUES (1, ?, ?)').run('0001_init.sql', Date.now());
    const hourAgo = Date.now() - HOUR;
    for (const old of OLD_TASKS) {
      const running = old.state === 'running';
      db.prepare(
        `INSERT INTO fleet_tasks (id, name, payload, state, run_at, attempts, max_attempts, max_lost_leases, lease_owner, lease_token, lease_until,
           last_error, result, created_at, updated_at, finished_at)
         VALUES (?, ?, '{}', ?, ?, ?, ?, 3, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        old.id,
        NAME,
        old.state,
        hourAgo,
        old.attempts,
        old.maxAttempts,
        running ? 'worker-v1' : null,
        old.leaseToken ?? null,
        running ? hourAgo : null,
        old.lastError ?? null,
        old.result ?? null,
        hourAgo,
        hourAgo,
        old.finished ? hourAgo : null,
      );
      for (const [type, attempt] of old.events) {
        db.prepare('INSERT INTO fleet_events (task_id, type, attempt, at) VALUES (?, ?, ?, ?)').run(old.id, type, attempt, hourAgo);
      }
    }
    db.close();
    const store = await createSqliteStore({ path });
    try {
      await store.migrate();
      await runsEveryStateToCompletion(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
