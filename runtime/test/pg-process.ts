/**
 * A real fleet-runtime process for the PostgreSQL process tests (`postgres-*.test.ts`), started
 * with `spawnPgProcess`. Configured by environment variables; reports on stdout, one line per
 * event, so the test can follow it:
 *
 * - `FLEET_PROC_MODE=worker`: drains `proc.sleep` tasks (each sleeps `payload.ms`, honouring the
 *   abort signal), printing `started <id> <attempt>` and `finished <id>`. SIGTERM → graceful stop
 *   with `FLEET_PROC_STOP_DEADLINE_MS`, then `stopped`.
 * - `FLEET_PROC_MODE=scheduler`: ticks an interval schedule `proc.every-second` (every 1 s,
 *   overlap allow) every 50 ms until SIGTERM.
 * - `FLEET_PROC_MODE=enqueue`: at `FLEET_PROC_START_AT` (epoch ms) enqueues one `proc.sleep` task
 *   with key `FLEET_PROC_KEY`, prints `enqueued <id>` and exits.
 */
import type { StandardSchemaV1 } from '../src/standard-schema.js';
import { defineTasks } from '../src/define-tasks.js';
import { enqueue } from '../src/enqueue.js';
import { Scheduler } from '../src/scheduler/scheduler.js';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { Worker } from '../src/worker/worker.js';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`pg-process: set ${name}.`);
  return value;
};
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    });
  });

const payload: StandardSchemaV1<{ ms: number }> = {
  '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value: value as { ms: number } }) },
};
const leaseMs = Number(env('FLEET_PROC_LEASE_MS', '1500'));
const TaskSpec = defineTasks({
  Sleep: { schema: payload, name: 'proc.sleep', policy: { leaseMs, attempts: 5, backoff: { baseMs: 100, maxMs: 500 } } },
});

const store = await createPostgresStore({
  url: env('FLEET_PROC_URL'),
  schema: env('FLEET_PROC_SCHEMA'),
  poolSize: 3,
  // Reconnect notices go to stderr, where the restart test looks for them.
  logger: (level, message) => process.stderr.write(`${level}: ${message}\n`),
});
await store.migrate();
const mode = env('FLEET_PROC_MODE');

if (mode === 'worker') {
  const worker = new Worker({
    store,
    tasks: TaskSpec,
    executors: {
      Sleep: async ({ ms }, ctx) => {
        say(`started ${ctx.taskId} ${String(ctx.attempt)}`);
        await sleep(ms, ctx.signal);
        say(`finished ${ctx.taskId}`);
      },
    },
    concurrency: Number(env('FLEET_PROC_CONCURRENCY', '4')),
    pollIntervalMs: 200,
    reapIntervalMs: 250,
    log: (level, message) => process.stderr.write(`${level}: ${message}\n`),
  });
  process.on('SIGTERM', () => {
    void worker
      .stop({ deadlineMs: Number(env('FLEET_PROC_STOP_DEADLINE_MS', '100')), abortGraceMs: 500 })
      .then(() => store.close())
      .then(() => {
        say('stopped');
        process.exit(0);
      });
  });
  worker.start();
  say('ready');
} else if (mode === 'scheduler') {
  const scheduler = new Scheduler({
    store,
    schedules: [{ name: 'proc.every-second', task: TaskSpec.Sleep({ ms: 0 }), every: 1000, overlap: 'allow' }],
    tickIntervalMs: 50,
    log: (level, message) => process.stderr.write(`${level}: ${message}\n`),
  });
  process.on('SIGTERM', () => {
    void scheduler
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
  await scheduler.start();
  say('ready');
} else if (mode === 'enqueue') {
  await sleep(Math.max(0, Number(env('FLEET_PROC_START_AT')) - Date.now()));
  const id = await enqueue(TaskSpec.Sleep({ ms: 0 }), { store, key: env('FLEET_PROC_KEY') });
  say(`enqueued ${id}`);
  await store.close();
} else {
  throw new Error(`pg-process: unknown FLEET_PROC_MODE ${mode}; use worker, scheduler or enqueue.`);
}
