/**
 * The SQLite store alone, without a worker: enqueue `--jobs` tasks, then call `settleAndClaim`
 * (the previous batch's outcomes + the next claim of `--batch`, one transaction) until the queue is
 * empty, as a worker at concurrency = batch does. Prints this process's CPU per task: the floor
 * the worker adds its own cost to (issue 11 §4, SQLite drain ≥ 40k jobs/s).
 *
 *   node --experimental-transform-types --import ./runtime/bench/ts-loader.mjs runtime/bench/sqlite-store-loop.ts [--jobs 20000] [--batch 16]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defineTasks } from '../src/define-tasks.js';
import { toNewTask } from '../src/enqueue.js';
import type { StandardSchemaV1 } from '../src/standard-schema.js';
import type { Settlement } from '../src/store.js';
import { createSqliteStore } from '../src/stores/sqlite/index.js';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '20000' }, batch: { type: 'string', default: '16' } } });
const jobs = Number(values.jobs);
const batch = Number(values.batch);
const dir = mkdtempSync(join(tmpdir(), 'fleet-sqlite-loop-'));
const store = await createSqliteStore({ path: join(dir, 'fleet.db') });
await store.migrate();
const schema: StandardSchemaV1<{ i: number }> = {
  '~standard': { version: 1, vendor: 'bench', validate: (value) => ({ value: value as { i: number } }) },
};
const TaskSpec = defineTasks({ Noop: { schema, name: 'noop' } });
for (let i = 0; i < jobs; i += 1000) {
  await store.enqueue(
    await Promise.all(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => toNewTask(TaskSpec.Noop({ i: i + k })))),
  );
}
let pending: Settlement[] = [];
let transactions = 0;
const started = performance.now();
const cpuBefore = process.cpuUsage();
for (;;) {
  const { claimed } = await store.settleAndClaim(pending, { names: ['noop'], limit: batch, owner: 'loop', leaseMs: 30_000 });
  transactions += 1;
  if (claimed.length === 0) break;
  pending = claimed.map((task) => ({ kind: 'done', id: task.id, token: task.token, result: null }));
}
const cpu = process.cpuUsage(cpuBefore);
const seconds = (performance.now() - started) / 1000;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(
  `sqlite store loop: ${String(jobs)} tasks in ${String(transactions)} transactions, ${String(Math.round(jobs / seconds))} tasks/s ` +
    `(wall ${seconds.toFixed(2)} s), CPU ${cpuSeconds.toFixed(2)} s = ${String(Math.round((cpuSeconds * 1e6) / jobs))} µs per task, ` +
    `${String(Math.round(jobs / cpuSeconds))} tasks per CPU second\n`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
