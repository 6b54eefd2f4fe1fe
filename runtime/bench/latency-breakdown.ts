/**
 * Where an enqueue→start probe's time goes on PostgreSQL (issue 11 §4, p50 ≤ 1 ms): 200 probes on
 * an idle queue, as the runtime bench, each split into the enqueue call (its durable commit), the
 * wait until the worker sends its claim (LISTEN/NOTIFY wake-up), the claim, and the hand-off to the
 * executor. Prints the median of each part.
 *
 *   node --experimental-transform-types --import ./runtime/bench/ts-loader.mjs runtime/bench/latency-breakdown.ts [--url …]
 */
import { parseArgs } from 'node:util';
import { defineTasks } from '../src/define-tasks.js';
import { enqueue } from '../src/enqueue.js';
import type { StandardSchemaV1 } from '../src/standard-schema.js';
import type { ClaimInput, Store } from '../src/store.js';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { Worker } from '../src/worker/worker.js';
import { dropDatabase, freshDatabase } from './database.js';

const { values } = parseArgs({
  options: { url: { type: 'string', default: process.env.FLEET_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' } },
});
const DB = 'fleet_bench_latency';
const store = await createPostgresStore({ url: await freshDatabase(values.url, DB), poolSize: 8 });
await store.migrate();
const schema: StandardSchemaV1<{ i: number }> = {
  '~standard': { version: 1, vendor: 'bench', validate: (value) => ({ value: value as { i: number } }) },
};
const TaskSpec = defineTasks({ Noop: { schema, name: 'noop' } });

let claimSent = 0;
let claimAnswered = 0;
const timed = Object.create(store) as Store;
timed.claim = async (input: ClaimInput) => {
  const sent = performance.now();
  const claimed = await store.claim(input);
  if (claimed.length > 0) {
    claimSent = sent;
    claimAnswered = performance.now();
  }
  return claimed;
};
let started: (at: number) => void = () => undefined;
const worker = new Worker({
  store: timed,
  tasks: TaskSpec,
  executors: {
    Noop: () => {
      started(performance.now());
    },
  },
  concurrency: 16,
  claimBatch: 16,
  log: () => undefined,
});
worker.start();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
await sleep(500);
const parts: number[][] = [[], [], [], [], []];
for (let i = 0; i < 200; i += 1) {
  const startedAt = new Promise<number>((resolve) => (started = resolve));
  const t0 = performance.now();
  await enqueue(TaskSpec.Noop({ i }), { store });
  const enqueued = performance.now();
  const executorAt = await startedAt;
  [enqueued - t0, claimSent - enqueued, claimAnswered - claimSent, executorAt - claimAnswered, executorAt - t0].forEach((ms, k) =>
    parts[k]?.push(ms),
  );
  await sleep(5);
}
const median = (list: number[] | undefined) => [...(list ?? [])].sort((a, b) => a - b)[Math.floor((list?.length ?? 0) / 2)]?.toFixed(2);
process.stdout.write(
  `p50: enqueue call ${String(median(parts[0]))} ms; enqueue reply → claim sent ${String(median(parts[1]))} ms; ` +
    `claim ${String(median(parts[2]))} ms; claim reply → executor ${String(median(parts[3]))} ms; enqueue→start ${String(median(parts[4]))} ms\n`,
);
await worker.stop({ deadlineMs: 1000 });
await store.close();
await dropDatabase(values.url, DB);
