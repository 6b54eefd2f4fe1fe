import { PgBoss } from 'pg-boss';
import { dropDatabase, freshDatabase } from './database.js';
import { packageVersion } from './package-version.js';
import type { BenchConfig, BenchPayload, BenchSystem } from './system.js';

const version = packageVersion('pg-boss');
const DB = 'fleet_bench_pgboss';

/**
 * pg-boss at its fast settings: `claimBatch` jobs per fetch, `concurrency / claimBatch` fetch loops,
 * burst fetching while batches come back full, LISTEN/NOTIFY on the queue, 0.5 s base poll.
 */
export function pgBossSystem(config: BenchConfig): BenchSystem {
  let boss: PgBoss | undefined;
  const loops = Math.max(1, Math.round(config.concurrency / config.claimBatch));
  return {
    name: 'pg-boss',
    version,
    settings: { batchSize: config.claimBatch, localConcurrency: loops, max: config.poolSize, burstWhenBatchFull: true, notify: true, pollingIntervalSeconds: 0.5 },
    async setup() {
      const url = await freshDatabase(config.url, DB);
      boss = new PgBoss({ connectionString: url, max: config.poolSize, useListenNotify: true });
      boss.on('error', (error) => { console.error(`pg-boss: ${String(error)}`); });
      await boss.start();
      await boss.createQueue('noop', { notify: true });
    },
    async enqueueOne(payload: BenchPayload) {
      await boss?.send('noop', payload);
    },
    async enqueueBulk(payloads: readonly BenchPayload[]) {
      await boss?.insert('noop', payloads.map((data) => ({ data })));
    },
    async startWorker(onJob) {
      await boss?.work<BenchPayload>(
        'noop',
        { batchSize: config.claimBatch, localConcurrency: loops, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5, burstWhenBatchFull: true },
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
