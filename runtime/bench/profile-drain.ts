/**
 * Where a drain's time goes: enqueue `--jobs` no-op tasks, drain them with one `Worker`, and time
 * every store call the worker makes (count, mean duration, mean rows). Used for the issue 11
 * profiles in docs/performance.md.
 *
 *   node --experimental-transform-types --import ./runtime/bench/ts-loader.mjs runtime/bench/profile-drain.ts \
 *     [--store postgres|sqlite] [--jobs 20000] [--concurrency 16] [--batch 16] [--max-settles 2] [--max-held N]
 *     [--sql "<statements run after migrate (measurement only), e.g. DROP INDEX …>"]
 *
 * PostgreSQL: a fresh database `fleet_bench_profile` on `--url` (default as the runtime bench).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defineTasks } from '../src/define-tasks.js';
import { toNewTask } from '../src/enqueue.js';
import type { StandardSchemaV1 } from '../src/standard-schema.js';
import type { Store } from '../src/store.js';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { createSqliteStore } from '../src/stores/sqlite/index.js';
import { Worker } from '../src/worker/worker.js';
import { dropDatabase, freshDatabase } from './database.js';
import { backendCpuBetween, sampleBackendCpu, walPosition } from './pg-cpu.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'postgres' },
    jobs: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '16' },
    batch: { type: 'string', default: '16' },
    'max-settles': { type: 'string' },
    'max-held': { type: 'string' },
    sql: { type: 'string' },
    url: { type: 'string', default: process.env.FLEET_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const DB = 'fleet_bench_profile';
const jobs = Number(values.jobs);
const optional = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
const dir = mkdtempSync(join(tmpdir(), 'fleet-profile-'));
const store: Store =
  values.store === 'sqlite'
    ? await createSqliteStore({ path: join(dir, 'fleet.db') })
    : await createPostgresStore({ url: await freshDatabase(values.url, DB), poolSize: 8 });
await store.migrate();
if (values.sql !== undefined && values.store !== 'sqlite') {
  // An experiment on the schema after the migrations (measurement only), e.g. --sql 'DROP INDEX …'.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: values.url.replace(/\/[^/]*$/, `/${DB}`) });
  await client.connect();
  await client.query(values.sql);
  await client.end();
}

const schema: StandardSchemaV1<{ i: number }> = {
  '~standard': { version: 1, vendor: 'bench', validate: (value) => ({ value: value as { i: number } }) },
};
const TaskSpec = defineTasks({ Noop: { schema, name: 'noop' } });
for (let i = 0; i < jobs; i += 1000) {
  await store.enqueue(
    await Promise.all(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => toNewTask(TaskSpec.Noop({ i: i + k })))),
  );
}

const calls = new Map<string, { n: number; ms: number; rows: number }>();
const timed = Object.create(store) as Store;
for (const op of ['claim', 'settle', 'settleAndClaim', 'heartbeat'] as const) {
  const original = store[op].bind(store) as (...args: unknown[]) => Promise<unknown>;
  (timed as unknown as Record<string, unknown>)[op] = async (...args: unknown[]) => {
    const started = performance.now();
    const result = await original(...args);
    const entry = calls.get(op) ?? { n: 0, ms: 0, rows: 0 };
    entry.n += 1;
    entry.ms += performance.now() - started;
    entry.rows += Array.isArray(args[0]) ? args[0].length : Array.isArray(result) ? result.length : 0;
    calls.set(op, entry);
    return result;
  };
}

let seen = 0;
let drained: () => void = () => undefined;
const done = new Promise<void>((resolve) => (drained = resolve));
const maxSettles = optional(values['max-settles']);
const maxHeld = optional(values['max-held']);
const worker = new Worker({
  store: timed,
  tasks: TaskSpec,
  executors: {
    Noop: () => {
      seen += 1;
      if (seen === jobs) drained();
    },
  },
  concurrency: Number(values.concurrency),
  claimBatch: Number(values.batch),
  ...(maxSettles === undefined ? {} : { maxSettles }),
  ...(maxHeld === undefined ? {} : { maxHeld }),
  log: () => undefined,
});
const dbCpu = () => (values.store === 'sqlite' ? Promise.resolve(new Map<number, number>()) : sampleBackendCpu(values.url, DB));
const dbBefore = await dbCpu();
const lsn = async () => {
  if (values.store === 'sqlite') return '';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: values.url });
  await client.connect();
  const { rows } = await client.query<{ lsn: string }>(
    "SELECT pg_current_wal_insert_lsn()::text || ' (records ' || wal_records || ', full-page images ' || wal_fpi || ', checkpoints ' || (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter) || ')' AS lsn FROM pg_stat_wal",
  );
  await client.end();
  return rows[0]?.lsn ?? '';
};
const lsnBefore = await lsn();
const walBefore = values.store === 'sqlite' ? 0n : await walPosition(values.url);
const started = performance.now();
const cpuBefore = process.cpuUsage();
worker.start();
await done;
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const dbSeconds = backendCpuBetween(dbBefore, await dbCpu());
const walBytes = values.store === 'sqlite' ? 0n : (await walPosition(values.url)) - walBefore;
// The drain's WAL range, e.g. for `pg_waldump --stats=record -s <start> -e <end>` on the server.
if (values.store !== 'sqlite') process.stdout.write(`WAL ${lsnBefore} .. ${await lsn()}\n`);
process.stdout.write(
  `${values.store}: ${String(jobs)} jobs drained at ${String(Math.round(jobs / seconds))} jobs/s (wall ${seconds.toFixed(2)} s, ` +
    `this process's CPU ${cpuSeconds.toFixed(2)} s = ${String(Math.round((cpuSeconds * 1e6) / jobs))} µs per job` +
    (dbSeconds === null
      ? ''
      : `, PostgreSQL backends' CPU ${dbSeconds.toFixed(2)} s = ${String(Math.round((dbSeconds * 1e6) / jobs))} µs per job`) +
    `${values.store === 'sqlite' ? '' : `, WAL ${String(Math.round(Number(walBytes) / jobs))} bytes per job`})\n`,
);
if (values.store !== 'sqlite') {
  // Row writes per table during the enqueue and the drain (HOT updates write no index entry).
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: values.url.replace(/\/[^/]*$/, `/${DB}`) });
  await client.connect();
  await client.query('SELECT pg_stat_force_next_flush()').catch(() => undefined);
  const { rows } = await client.query<{ relname: string; ins: string; upd: string; hot: string; del: string }>(
    'SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del FROM pg_stat_user_tables ORDER BY relname',
  );
  await client.end();
  for (const row of rows) {
    if (row.ins === '0' && row.upd === '0' && row.del === '0') continue;
    process.stdout.write(`  table ${row.relname}: inserted ${row.ins}, updated ${row.upd} (HOT ${row.hot}), deleted ${row.del}\n`);
  }
}
for (const [op, entry] of calls) {
  process.stdout.write(
    `  ${op}: ${String(entry.n)} calls, ${(entry.ms / entry.n).toFixed(2)} ms each, ${(entry.rows / entry.n).toFixed(1)} tasks each\n`,
  );
}
await worker.stop({ deadlineMs: 2000 });
await store.close();
if (values.store !== 'sqlite') await dropDatabase(values.url, DB);
rmSync(dir, { recursive: true, force: true });
