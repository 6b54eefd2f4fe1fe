/**
 * The PostgreSQL store alone, without a worker and without concurrency: enqueue `--jobs` tasks,
 * then on one connection claim `--batch` tasks at a time and store their outcomes (`done`) every
 * `--settle-every` claims, until the queue is empty. Prints the backends' CPU, this process's CPU
 * and the WAL per task: with one connection and no contention these move far less between runs
 * than a drain's, so a change to the SQL or the schema can be judged in alternating runs
 * (issue 11 §4, PostgreSQL drain ≥ 0.6× the raw loop).
 *
 *   node --experimental-transform-types --import ./runtime/bench/ts-loader.mjs runtime/bench/postgres-store-loop.ts \
 *     [--jobs 20000] [--batch 16] [--settle-every 2] [--sql '<statements run after migrate, measurement only>']
 *     [--db-set name=value]
 *
 * A fresh database `fleet_bench_store_loop` on `--url` (default as the runtime bench).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { defineTasks } from '../src/define-tasks.js';
import { toNewTask } from '../src/enqueue.js';
import type { StandardSchemaV1 } from '../src/standard-schema.js';
import type { ClaimedTask } from '../src/store.js';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { dropDatabase, freshDatabase } from './database.js';
import { backendCpuBetween, sampleBackendCpu, walPosition } from './pg-cpu.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '16' },
    'settle-every': { type: 'string', default: '2' },
    sql: { type: 'string' },
    'db-set': { type: 'string' },
    url: { type: 'string', default: process.env.FLEET_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const DB = 'fleet_bench_store_loop';
const jobs = Number(values.jobs);
const batch = Number(values.batch);
const settleEvery = Number(values['settle-every']);
const dbUrl = await freshDatabase(values.url, DB);
if (values['db-set'] !== undefined) {
  // A setting for every connection to the fresh database, e.g. --db-set plan_cache_mode=force_generic_plan.
  const [name, value] = values['db-set'].split('=');
  const admin = new pg.Client({ connectionString: values.url });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${DB}" SET ${String(name)} = '${String(value)}'`);
  await admin.end();
}
const store = await createPostgresStore({ url: dbUrl, poolSize: 1 });
await store.migrate();
if (values.sql !== undefined) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await client.query(values.sql);
  await client.end();
}
const schema: StandardSchemaV1<{ i: number }> = {
  '~standard': { version: 1, vendor: 'bench', validate: (value) => ({ value: value as { i: number } }) },
};
const TaskSpec = defineTasks({ Noop: { schema, name: 'noop' } });
const enqueueCpu = await sampleBackendCpu(values.url, DB);
const enqueueWal = await walPosition(values.url);
const enqueueNode = process.cpuUsage();
for (let i = 0; i < jobs; i += 1000) {
  await store.enqueue(
    await Promise.all(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => toNewTask(TaskSpec.Noop({ i: i + k })))),
  );
}
const enqueueNodeCpu = process.cpuUsage(enqueueNode);
const enqueueWalBytes = (await walPosition(values.url)) - enqueueWal;
const enqueueDb = backendCpuBetween(enqueueCpu, await sampleBackendCpu(values.url, DB));
// Let autovacuum/analyze see the table as a worker starting on a filled queue would.
const dbBefore = await sampleBackendCpu(values.url, DB);
const walBefore = await walPosition(values.url);
const started = performance.now();
const cpuBefore = process.cpuUsage();
let pending: ClaimedTask[] = [];
let claims = 0;
let settles = 0;
for (;;) {
  const claimed = await store.claim({ names: ['noop'], limit: batch, owner: 'loop', leaseMs: 30_000 });
  claims += 1;
  pending.push(...claimed);
  if (pending.length > 0 && (claimed.length === 0 || claims % settleEvery === 0)) {
    await store.settle(pending.map((task) => ({ kind: 'done', id: task.id, token: task.token, result: null })));
    settles += 1;
    pending = [];
  }
  if (claimed.length === 0) break;
}
const cpu = process.cpuUsage(cpuBefore);
const seconds = (performance.now() - started) / 1000;
const walBytes = (await walPosition(values.url)) - walBefore;
const dbSeconds = backendCpuBetween(dbBefore, await sampleBackendCpu(values.url, DB));
const perTask = (secondsOfCpu: number | null) => (secondsOfCpu === null ? '?' : String(Math.round((secondsOfCpu * 1e6) / jobs)));
process.stdout.write(
  `postgres store loop: ${String(jobs)} tasks, ${String(claims)} claims of ${String(batch)}, ${String(settles)} settles, ` +
    `${String(Math.round(jobs / seconds))} tasks/s (wall ${seconds.toFixed(2)} s); per task: backends ${perTask(dbSeconds)} µs, ` +
    `this process ${perTask((cpu.user + cpu.system) / 1e6)} µs, WAL ${String(Math.round(Number(walBytes) / jobs))} bytes ` +
    `(enqueue: backends ${perTask(enqueueDb)} µs, this process ${perTask((enqueueNodeCpu.user + enqueueNodeCpu.system) / 1e6)} µs, ` +
    `WAL ${String(Math.round(Number(enqueueWalBytes) / jobs))} bytes)\n`,
);
await store.close();
await dropDatabase(values.url, DB);
