import { Logger, makeWorkerUtils, run, type Runner, type WorkerUtils } from 'graphile-worker';
import { dropDatabase, freshDatabase } from './database.js';
import { packageVersion } from './package-version.js';
import type { BenchConfig, BenchPayload, BenchSystem } from './system.js';

const version = packageVersion('graphile-worker');
const DB = 'fleet_bench_graphile';

/**
 * graphile-worker at its documented fast settings: a local queue of `claimBatch` jobs per fetch,
 * completions flushed as soon as possible (batch delay 0), prepared statements, LISTEN/NOTIFY.
 */
export function graphileSystem(config: BenchConfig): BenchSystem {
  let url = '';
  let utils: WorkerUtils | undefined;
  let runner: Runner | undefined;
  // Quiet: its per-job info lines would cost more than the no-op jobs.
  const logger = new Logger(() => () => undefined);
  return {
    name: 'graphile-worker',
    version,
    settings: { concurrency: config.concurrency, localQueueSize: config.claimBatch, completeJobBatchDelay: 0, maxPoolSize: config.poolSize, pollInterval: 2000, notify: true },
    async setup() {
      url = await freshDatabase(config.url, DB);
      utils = await makeWorkerUtils({ connectionString: url, logger });
      await utils.migrate();
    },
    async enqueueOne(payload: BenchPayload) {
      await utils?.addJob('noop', payload);
    },
    async enqueueBulk(payloads: readonly BenchPayload[]) {
      await utils?.addJobs(payloads.map((payload) => ({ identifier: 'noop', payload })));
    },
    async startWorker(onJob) {
      runner = await run({
        connectionString: url,
        concurrency: config.concurrency,
        maxPoolSize: config.poolSize,
        pollInterval: 2000,
        noHandleSignals: true,
        logger,
        taskList: {
          noop: (payload) => {
            onJob(payload as BenchPayload);
          },
        },
        preset: { worker: { localQueue: { size: config.claimBatch }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      });
    },
    async stopWorker() {
      await runner?.stop();
      runner = undefined;
    },
    async teardown() {
      await utils?.release();
      utils = undefined;
      await dropDatabase(config.url, DB);
    },
  };
}
