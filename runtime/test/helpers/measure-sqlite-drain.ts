// Measures enqueue and drain throughput of no-op tasks on the SQLite store (run: see docs/runtime/operations.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueueMany } from '../../src/enqueue.js';
import { createSqliteStore } from '../../src/stores/sqlite/index.js';
import { Worker } from '../../src/worker/worker.js';

const total = Number(process.argv[2] ?? 20_000);
const concurrency = Number(process.argv[3] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'fleet-measure-'));
const store = await createSqliteStore({ path: join(dir, 'fleet.db') });
await store.migrate();
const timing: Record<string, [number, number]> = {};
if (process.env.FLEET_MEASURE_OPS === '1') {
  for (const op of ['claim', 'settle', 'heartbeat', 'reapExpired'] as const) {
    const original = store[op].bind(store) as (...args: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[op] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await original(...args);
      } finally {
        const entry = (timing[op] ??= [0, 0]);
        entry[0] += performance.now() - start;
        entry[1] += 1;
      }
    };
  }
}
const tasks = defineTasks({ Noop: { schema: z.object({ i: z.number() }) } });
let t = performance.now();
for (let i = 0; i < total; i += 1000) {
  await enqueueMany(
    Array.from({ length: Math.min(1000, total - i) }, (_, j) => tasks.Noop({ i: i + j })),
    { store },
  );
}
const enqueueSeconds = (performance.now() - t) / 1000;
let done = 0;
let resolveFinished: () => void = () => undefined;
const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
const worker = new Worker({
  store,
  tasks,
  concurrency,
  claimBatch: concurrency,
  executors: {
    Noop: () => {
      done += 1;
      if (done === total) resolveFinished();
    },
  },
  log: () => undefined,
});
t = performance.now();
worker.start();
await finished;
// Stop flushes the last outcomes; the drain counts until every task is stored as done.
await worker.stop();
const drainSeconds = (performance.now() - t) / 1000;
const stats = await store.stats();
console.log(
  JSON.stringify({
    total,
    concurrency,
    enqueuePerSecond: Math.round(total / enqueueSeconds),
    drainPerSecond: Math.round(total / drainSeconds),
    done: stats.counts.done,
    timing,
  }),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
