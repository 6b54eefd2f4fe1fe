import { PgBoss } from 'pg-boss';
import { dropDatabase, freshDatabase } from './database.js';
import { packageVersion } from './package-version.js';
import type { BenchConfig, BenchPayload, BenchSystem } from './system.js';

const version = packageVersion('pg-boss');
const DB = 'fleet_bench_pgboss';

/**
 * The settings pg-boss's own speed test uses (`test/speedTest`): a pool of 10 connections and the
 * jobs fetched in large batches (its test fetches and completes all of them in one call each). A
 * `work` loop needs a bounded batch; 500 per fetch, one fetch loop, is the closest a worker gets.
 */
const OWN = { poolSize: 10, batchSize: 500, loops: 1 };

/**
 * pg-boss at its fast settings: its own speed test's (`--peers own`, the default) or this run's
 * batch, `concurrency / claimBatch` fetch loops and pool (`--peers matched`); burst fetching while
 * batches come back full, LISTEN/NOTIFY on the queue, 0.5 s base poll.
 */
export function pgBossSystem(config: BenchConfig): BenchSystem {
  let boss: PgBoss | undefined;
  const own = config.peers === 'own';
  const loops = own ? OWN.loops : Math.max(1, Math.round(config.concurrency / config.claimBatch));
  const batchSize = own ? OWN.batchSize : config.claimBatch;
  const poolSize = own ? OWN.poolSize : config.poolSize;
  return {
    name: 'pg-boss',
    database: DB,
    version,
    settings: {
      peers: config.peers,
      batchSize,
      localConcurrency: loops,
      max: poolSize,
      burstWhenBatchFull: true,
      notify: true,
      pollingIntervalSeconds: 0.5,
    },
    async setup() {
      const url = await freshDatabase(config.url, DB);
      boss = new PgBoss({ connectionString: url, max: poolSize, useListenNotify: true });
      boss.on('error', (error) => {
        console.error(`pg-boss: ${String(error)}`);
      });
      await boss.start();
      await boss.createQueue('noop', { notify: true });
    },
    async enqueueOne(payload: BenchPayload) {
      await boss?.send('noop', payload);
    },
    async enqueueBulk(payloads: readonly BenchPayload[]) {
      await boss?.insert(
        'noop',
        payloads.map((data) => ({ data })),
      );
    },
    async startWorker(onJob) {
      await boss?.work<BenchPayload>(
        'noop',
        { batchSize, localConcurrency: loops, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5, burstWhenBatchFull: true },
        async (jobs) => {
          for (const job of jobs) onJob(job.data);
          await Promise.resolve();
        },
      );
    },
    async stopWorker() {
      await boss?.offWork('noop');
    },
    async teardown() {
      await boss?.stop({ graceful: false, timeout: 2000 }).catch(() => undefined);
      boss = undefined;
      await dropDatabase(config.url, DB);
    },
  };
}
