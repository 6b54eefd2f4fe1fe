import { Logger, makeWorkerUtils, run, type Runner, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { dropDatabase, freshDatabase } from './database.js';
import { packageVersion } from './package-version.js';
import type { BenchConfig, BenchPayload, BenchSystem } from './system.js';

const version = packageVersion('graphile-worker');
const DB = 'fleet_bench_graphile';

/**
 * The settings graphile-worker's own performance test uses (its `perfTest/graphile.config.js` and
 * the "Performance" page of its docs): 24 concurrent jobs, a pool of 25, a local queue of 500 jobs
 * refetched after 10 ms, completions and failures flushed at once (batch delay 0). Its test runs 4
 * such worker processes; on this 2-core machine we run one in the benchmark's process.
 */
const OWN = { concurrency: 24, poolSize: 25, localQueueSize: 500, refetchDelayMs: 10 };

/**
 * graphile-worker at its fast settings: its own performance test's (`--peers own`, the default) or
 * this run's concurrency, claim batch and pool (`--peers matched`); completions flushed as soon as
 * possible (batch delay 0), prepared statements, LISTEN/NOTIFY.
 */
export function graphileSystem(config: BenchConfig): BenchSystem {
  const own = config.peers === 'own';
  const concurrency = own ? OWN.concurrency : config.concurrency;
  const poolSize = own ? OWN.poolSize : config.poolSize;
  const localQueue = own ? { size: OWN.localQueueSize, refetchDelay: { durationMs: OWN.refetchDelayMs } } : { size: config.claimBatch };
  let pool: pg.Pool | undefined;
  let utils: WorkerUtils | undefined;
  let runner: Runner | undefined;
  // Quiet: its per-job info lines would cost more than the no-op jobs.
  const logger = new Logger(() => () => undefined);
  return {
    name: 'graphile-worker',
    database: DB,
    version,
    settings: {
      peers: config.peers,
      concurrency,
      localQueueSize: localQueue.size,
      refetchDelayMs: own ? OWN.refetchDelayMs : 0,
      completeJobBatchDelay: 0,
      maxPoolSize: poolSize,
      pollInterval: 2000,
      notify: true,
    },
    async setup() {
      // Our own pool (graphile-worker accepts one) so an idle connection that the database drop at
      // teardown terminates is logged, not an unhandled 'error' that kills the whole run.
      pool = new pg.Pool({ connectionString: await freshDatabase(config.url, DB), max: poolSize });
      pool.on('error', (error) => {
        process.stderr.write(`[runtime-bench] graphile-worker: idle connection failed (${error.message})\n`);
      });
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
        concurrency,
        pollInterval: 2000,
        noHandleSignals: true,
        logger,
        taskList: {
          noop: (payload) => {
            onJob(payload as BenchPayload);
          },
        },
        preset: { worker: { localQueue, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
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
