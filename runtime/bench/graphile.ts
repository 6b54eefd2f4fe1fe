import { Logger, makeWorkerUtils, run, type Runner, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
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
  let pool: pg.Pool | undefined;
  let utils: WorkerUtils | undefined;
  let runner: Runner | undefined;
  // Quiet: its per-job info lines would cost more than the no-op jobs.
  const logger = new Logger(() => () => undefined);
  return {
    name: 'graphile-worker',
    version,
    settings: { concurrency: config.concurrency, localQueueSize: config.claimBatch, completeJobBatchDelay: 0, maxPoolSize: config.poolSize, pollInterval: 2000, notify: true },
    async setup() {
      // Our own pool (graphile-worker accepts one) so an idle connection that the database drop at
      // teardown terminates is logged, not an unhandled 'error' that kills the whole run.
      pool = new pg.Pool({ connectionString: await freshDatabase(config.url, DB), max: config.poolSize });
      pool.on('error', (error) => { process.stderr.write(`[runtime-bench] graphile-worker: idle connection failed (${error.message})\n`); });
      utils = await makeWorkerUtils({ pgPool: pool, logger });
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
        pgPool: pool,
        concurrency: config.concurrency,
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
      await pool?.end();
      pool = undefined;
      await dropDatabase(config.url, DB);
    },
  };
}
