/**
 * The bulk-enqueue phase alone on PostgreSQL: `--calls` calls of `enqueueMany` with `--size` tasks
 * each on a fresh database, as `npm run bench -- runtime` does. Prints the Node.js CPU per task and
 * the backend CPU per task; run it under `node --cpu-prof` to see where the Node.js time goes.
 *
 *   node --experimental-transform-types --import ./runtime/bench/ts-loader.mjs runtime/bench/profile-bulk.ts [--calls 18] [--size 1000] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { defineTasks } from '../src/define-tasks.js';
import { enqueueMany } from '../src/enqueue.js';
import type { StandardSchemaV1 } from '../src/standard-schema.js';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { dropDatabase, freshDatabase } from './database.js';
import { backendCpuBetween, sampleBackendCpu } from './pg-cpu.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '18' },
    size: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    url: { type: 'string', default: process.env.FLEET_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const calls = Number(values.calls);
const size = Number(values.size);
const schema: StandardSchemaV1<{ i: number }> = {
  '~standard': { version: 1, vendor: 'bench', validate: (value) => ({ value: value as { i: number } }) },
};
const TaskSpec = defineTasks({ Noop: { schema, name: 'noop' } });
const name = 'fleet_bench_bulk';
for (let round = 0; round < Number(values.rounds); round += 1) {
  const url = await freshDatabase(values.url, name);
  const store = await createPostgresStore({ url });
  await store.migrate();
  const dbBefore = await sampleBackendCpu(values.url, name);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let c = 0; c < calls; c += 1) {
    await enqueueMany(
      Array.from({ length: size }, (_, k) => TaskSpec.Noop({ i: c * size + k })),
      { store },
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const dbCpu = backendCpuBetween(dbBefore, await sampleBackendCpu(values.url, name));
  const tasks = calls * size;
  console.log(
    `bulk enqueue: ${String(tasks)} tasks in ${seconds.toFixed(3)} s = ${Math.round(tasks / seconds)}/s; Node.js ${((cpu.user + cpu.system) / tasks).toFixed(1)} µs/task, backends ${dbCpu === null ? '?' : ((dbCpu * 1e6) / tasks).toFixed(1)} µs/task`,
  );
  await store.close();
  await dropDatabase(values.url, name);
}
