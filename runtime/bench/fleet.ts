import { createRequire } from 'node:module';
import { defineTasks } from '../src/define-tasks.js';
import { enqueue, enqueueMany } from '../src/enqueue.js';
import type { StandardSchemaV1 } from '../src/standard-schema.js';
import type { Store } from '../src/store.js';
import { Worker } from '../src/worker/worker.js';
import type { BenchConfig, BenchPayload, BenchSystem } from './system.js';

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

// A pass-through Standard Schema: the benchmark measures the queue, not a validator library.
const payloadSchema: StandardSchemaV1<BenchPayload> = {
  '~standard': { version: 1, vendor: 'bench', validate: (value) => ({ value: value as BenchPayload }) },
};
const TaskSpec = defineTasks({ Noop: { schema: payloadSchema, name: 'noop' } });

/** How to get (and later remove) the store a fleet-runtime run uses. */
export interface FleetBackend {
  name: string;
  /** Its PostgreSQL database (none for SQLite). */
  database?: string;
  settings: Record<string, string | number | boolean>;
  open(): Promise<Store>;
  remove(): Promise<void>;
}

/** fleet-runtime through its public pieces: `enqueue`/`enqueueMany` and a `Worker`. */
export function fleetSystem(backend: FleetBackend, config: BenchConfig): BenchSystem {
  let store: Store | undefined;
  let worker: { stop(options: { deadlineMs: number }): Promise<void> } | undefined;
  const opened = (): Store => {
    if (store === undefined) throw new Error('bench: the store is not open.');
    return store;
  };
  return {
    name: backend.name,
    ...(backend.database === undefined ? {} : { database: backend.database }),
    version,
    settings: {
      concurrency: config.concurrency,
      claimBatch: config.claimBatch,
      claimAhead: config.claimAhead ?? 'default (48)',
      ...backend.settings,
    },
    async setup() {
      store = await backend.open();
      await store.migrate();
    },
    async enqueueOne(payload) {
      await enqueue(TaskSpec.Noop(payload), { store: opened() });
    },
    async enqueueBulk(payloads) {
      await enqueueMany(
        payloads.map((payload) => TaskSpec.Noop(payload)),
        { store: opened() },
      );
    },
    async startWorker(onJob) {
      const running = new Worker({
        store: opened(),
        tasks: TaskSpec,
        executors: {
          Noop: (payload) => {
            onJob(payload);
          },
        },
        concurrency: config.concurrency,
        claimBatch: config.claimBatch,
        ...(config.claimAhead === undefined ? {} : { claimAhead: config.claimAhead }),
        log: () => undefined,
      });
      running.start();
      worker = running;
      await Promise.resolve();
    },
    async stopWorker() {
      await worker?.stop({ deadlineMs: 2000 });
      worker = undefined;
    },
    async teardown() {
      await store?.close();
      store = undefined;
      await backend.remove();
    },
  };
}
