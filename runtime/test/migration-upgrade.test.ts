import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DONE_EVENT_ID, type Store } from '../src/store.js';
import { POSTGRES_MIGRATIONS_DIR } from '../src/stores/postgres/migrate.js';
import { createSqliteStore } from '../src/stores/sqlite/index.js';
import { SQLITE_MIGRATIONS_DIR } from '../src/stores/sqlite/migrate.js';
import { dropSchema, freshSchema, newTask, openTestStore, requirePostgres, TEST_POSTGRES_URL } from './pg-helpers.js';

// A database created by the first release (schema version 1, with tasks and events in it) upgrades
// in place to the current schema: rows, event history and listing survive, and new work runs.
const V1_TASK = { id: '0190a0a0-0000-7000-8000-000000000001', name: 'old.task' };
// A task that a process still running version 2 enqueued and started after another process applied
// migration 3: its event rows have no `task_seq`.
const V2_TASK = { id: '0190a0a0-0000-7000-8000-000000000002', name: 'v2.task' };
// A task that finished before `done` events were derived from the task row: its stored `done` row
// is returned instead of the derived one, never both.
const DONE_TASK = { id: '0190a0a0-0000-7000-8000-000000000003', name: 'old.done' };

async function keepsStoredDone(store: Store): Promise<void> {
  const events = await store.events(DONE_TASK.id);
  expect(events.map((event) => [event.type, event.attempt])).toEqual([
    ['enqueued', null],
    ['started', 1],
    ['done', 1],
  ]);
  expect(events.at(-1)?.id).toBeLessThan(DONE_EVENT_ID);
  expect(await store.events(DONE_TASK.id, events[1]?.id)).toEqual(events.slice(2));
}

async function readsRowsWithoutSeq(store: Store): Promise<void> {
  const events = await store.events(V2_TASK.id);
  // Its stored `enqueued` row is returned instead of the derived one, never both.
  expect(events.map((event) => [event.type, event.id > 0])).toEqual([
    ['enqueued', true],
    ['started', true],
  ]);
  expect(await store.events(V2_TASK.id, events[0]?.id)).toEqual(events.slice(1));
}

async function exercise(store: Store): Promise<void> {
  expect((await store.get(V1_TASK.id))?.state).toBe('queued');
  expect((await store.events(V1_TASK.id)).map((event) => event.type)).toEqual(['enqueued']);
  const fresh = newTask({ name: 'old.task' });
  await store.enqueue([fresh]);
  // Newest first: the task enqueued after the upgrade, then the one from version 1.
  expect((await store.list({ name: 'old.task' })).map((task) => task.id)).toEqual([fresh.id, V1_TASK.id]);
  const claimed = await store.claim({ owner: 'upgrade', names: ['old.task'], limit: 2, leaseMs: 5000 });
  expect(claimed.map((task) => task.id)).toEqual([V1_TASK.id, fresh.id]);
  expect(await store.settle(claimed.map((task) => ({ id: task.id, token: task.token, kind: 'done' as const, result: null })))).toEqual([
    true,
    true,
  ]);
  const events = await store.events(V1_TASK.id);
  expect(events.map((event) => event.type)).toEqual(['enqueued', 'started', 'done']);
  // Event ids keep growing past the ones version 1 wrote, so `afterId` paging still works.
  expect(await store.events(V1_TASK.id, events[0]?.id)).toEqual(events.slice(1));
}

describe('upgrade from schema version 1', () => {
  const schema = freshSchema('pgupgrade');
  afterAll(async () => {
    await dropSchema(schema);
  });

  it('PostgreSQL: applies 0002 and 0003 to a populated version-1 schema', async () => {
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
      await client.query(
        "INSERT INTO fleet_tasks (id, name, payload, state, run_at, max_attempts, max_lost_leases, created_at) VALUES ($1, $2, '{}', 'queued', now() - interval '1 hour', 3, 3, now() - interval '1 hour')",
        [V1_TASK.id, V1_TASK.name],
      );
      await client.query("INSERT INTO fleet_events (task_id, type) VALUES ($1, 'enqueued')", [V1_TASK.id]);
      await client.query(
        "INSERT INTO fleet_tasks (id, name, payload, state, run_at, max_attempts, max_lost_leases, attempts, finished_at) VALUES ($1, $2, '{}', 'done', now(), 3, 3, 1, now())",
        [DONE_TASK.id, DONE_TASK.name],
      );
      await client.query(
        "INSERT INTO fleet_events (task_id, type, attempt) VALUES ($1, 'enqueued', NULL), ($1, 'started', 1), ($1, 'done', 1)",
        [DONE_TASK.id],
      );
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const store = await openTestStore(schema);
    try {
      const check = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await check.connect();
      try {
        const versions = await check.query(`SELECT version FROM "${schema}".fleet_migrations ORDER BY version`);
        expect(versions.rows.map((row: { version: number }) => row.version)).toEqual([1, 2, 3]);
        const indexes = await check.query('SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [schema]);
        const names = indexes.rows.map((row: { indexname: string }) => row.indexname);
        expect(names).not.toContain('fleet_tasks_created');
        expect(names).not.toContain('fleet_events_pkey');
        // 0003: events are found by the task's seq; the version-1 event row got its task's seq.
        expect(names).not.toContain('fleet_events_task');
        expect(names).toContain('fleet_events_task_seq');
        const filled = await check.query(
          `SELECT e.task_seq = t.seq AS same FROM "${schema}".fleet_events e JOIN "${schema}".fleet_tasks t ON t.id = e.task_id`,
        );
        expect(filled.rows).toEqual([{ same: true }, { same: true }, { same: true }, { same: true }]);
        await check.query(
          `INSERT INTO "${schema}".fleet_tasks (id, name, payload, state, run_at, max_attempts, max_lost_leases, attempts) VALUES ($1, $2, '{}', 'running', now(), 3, 3, 1)`,
          [V2_TASK.id, V2_TASK.name],
        );
        await check.query(
          `INSERT INTO "${schema}".fleet_events (task_id, type, attempt) VALUES ($1, 'enqueued', NULL), ($1, 'started', 1)`,
          [V2_TASK.id],
        );
        await readsRowsWithoutSeq(store);
        await keepsStoredDone(store);
      } finally {
        await check.end();
      }
      await exercise(store);
    } finally {
      await store.close();
    }
  });

  it('SQLite: applies 0002 and 0003 to a populated version-1 file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-upgrade-'));
    const path = join(dir, 'fleet.db');
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(path);
    db.exec(readFileSync(join(SQLITE_MIGRATIONS_DIR, '0001_init.sql'), 'utf8'));
    db.exec('CREATE TABLE fleet_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    db.prepare('INSERT INTO fleet_migrations VALUES (1, ?, ?)').run('0001_init.sql', Date.now());
    const hourAgo = Date.now() - 3_600_000;
    db.prepare(
      "INSERT INTO fleet_tasks (id, name, payload, state, run_at, max_attempts, max_lost_leases, created_at, updated_at) VALUES (?, ?, '{}', 'queued', ?, 3, 3, ?, ?)",
    ).run(V1_TASK.id, V1_TASK.name, hourAgo, hourAgo, hourAgo);
    db.prepare("INSERT INTO fleet_events (task_id, type, at) VALUES (?, 'enqueued', ?)").run(V1_TASK.id, hourAgo);
    db.prepare(
      "INSERT INTO fleet_tasks (id, name, payload, state, run_at, max_attempts, max_lost_leases, attempts, created_at, updated_at, finished_at) VALUES (?, ?, '{}', 'done', ?, 3, 3, 1, ?, ?, ?)",
    ).run(DONE_TASK.id, DONE_TASK.name, hourAgo, hourAgo, hourAgo, hourAgo);
    db.prepare(
      "INSERT INTO fleet_events (task_id, type, at, attempt) VALUES (?, 'enqueued', ?, NULL), (?, 'started', ?, 1), (?, 'done', ?, 1)",
    ).run(DONE_TASK.id, hourAgo, DONE_TASK.id, hourAgo, DONE_TASK.id, hourAgo);
    db.close();
    const store = await createSqliteStore({ path });
    try {
      await store.migrate();
      const check = new DatabaseSync(path);
      expect(
        check
          .prepare('SELECT version FROM fleet_migrations ORDER BY version')
          .all()
          .map((row) => row.version),
      ).toEqual([1, 2, 3]);
      expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'fleet_tasks_created'").all()).toEqual([]);
      // 0003: the version-1 event row now carries its task's seq, by which `events` finds it.
      expect(
        check
          .prepare('SELECT e.task_seq = t.seq AS same FROM fleet_events e JOIN fleet_tasks t ON t.id = e.task_id')
          .all()
          .map((row) => row.same),
      ).toEqual([1, 1, 1, 1]);
      expect(
        check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'fleet_events_task%' ORDER BY name").all(),
      ).toEqual([{ name: 'fleet_events_task_seq' }, { name: 'fleet_events_task_unkeyed' }]);
      check
        .prepare(
          "INSERT INTO fleet_tasks (id, name, payload, state, run_at, max_attempts, max_lost_leases, attempts, created_at, updated_at) VALUES (?, ?, '{}', 'running', ?, 3, 3, 1, ?, ?)",
        )
        .run(V2_TASK.id, V2_TASK.name, hourAgo, hourAgo, hourAgo);
      check
        .prepare("INSERT INTO fleet_events (task_id, type, at, attempt) VALUES (?, 'enqueued', ?, NULL), (?, 'started', ?, 1)")
        .run(V2_TASK.id, hourAgo, V2_TASK.id, hourAgo);
      check.close();
      await readsRowsWithoutSeq(store);
      await keepsStoredDone(store);
      await exercise(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
