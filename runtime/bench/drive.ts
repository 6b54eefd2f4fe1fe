import pg from 'pg';
import { type BackendCpu, backendCpuBetween, sampleBackendCpu, walPosition } from './pg-cpu.js';
import type { BenchConfig, BenchPayload, BenchSystem, SystemResult } from './system.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The value below which `p` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

const FLOOR_INSERT = { name: 'bench_floor_insert', text: `INSERT INTO bench_commit_floor (payload) VALUES ('{"i":1}')` };

/** A connection to the system's database with a side table for the interleaved commit probes. */
async function floorConnection(url: string, database: string): Promise<pg.Client> {
  const target = new URL(url);
  target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  await client.query(
    'CREATE TABLE IF NOT EXISTS bench_commit_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL)',
  );
  return client;
}

/**
 * Run the same phases against one system: single enqueues (by `concurrency` concurrent callers),
 * bulk enqueues, a timed drain of everything, then latency probes on the idle queue (enqueue one
 * job, wait until its executor starts, repeat).
 */
export async function drive(system: BenchSystem, config: BenchConfig, log: (message: string) => void): Promise<SystemResult> {
  await system.setup();
  let seen = 0;
  let drained: (() => void) | undefined;
  let probe: ((at: number) => void) | undefined;
  const onJob = (payload: BenchPayload) => {
    if (payload.t0 !== undefined) {
      probe?.(performance.now());
      return;
    }
    seen += 1;
    if (seen === config.jobs) drained?.();
  };
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: config.concurrency }, async () => {
        while (next < config.singleJobs) {
          next += 1;
          await system.enqueueOne({ i: next });
        }
      }),
    );
    const singleSeconds = (performance.now() - started) / 1000;
    const dbCpu = (): Promise<BackendCpu> =>
      system.database === undefined ? Promise.resolve(new Map<number, number>()) : sampleBackendCpu(config.url, system.database);
    const nodeCpu = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1e6;
    };
    const wal = (): Promise<bigint | null> => (system.database === undefined ? Promise.resolve(null) : walPosition(config.url));
    const walPerJob = (before: bigint | null, after: bigint | null, jobs: number) =>
      before === null || after === null ? null : Math.round(Number(after - before) / jobs);
    const bulkWalBefore = await wal();
    const bulkDbBefore = await dbCpu();
    const bulkNodeBefore = nodeCpu();
    const bulkStarted = performance.now();
    for (let i = config.singleJobs; i < config.jobs; i += config.bulkBatch) {
      const count = Math.min(config.bulkBatch, config.jobs - i);
      await system.enqueueBulk(Array.from({ length: count }, (_, k) => ({ i: i + k })));
    }
    const bulkSeconds = (performance.now() - bulkStarted) / 1000;
    const bulkNodeCpuSeconds = nodeCpu() - bulkNodeBefore;
    const bulkDbCpuSeconds = backendCpuBetween(bulkDbBefore, await dbCpu());
    const bulkWalBytesPerJob = walPerJob(bulkWalBefore, await wal(), config.jobs - config.singleJobs);
    log(`${system.name}: enqueued ${String(config.jobs)} jobs; draining`);

    const done = new Promise<void>((resolve) => {
      drained = resolve;
    });
    const drainWalBefore = await wal();
    const drainDbBefore = await dbCpu();
    const drainNodeBefore = nodeCpu();
    const drainStarted = performance.now();
    await system.startWorker(onJob);
    await done;
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    const drainNodeCpuSeconds = nodeCpu() - drainNodeBefore;
    const drainDbCpuSeconds = backendCpuBetween(drainDbBefore, await dbCpu());
    const drainWalBytesPerJob = walPerJob(drainWalBefore, await wal(), config.jobs);
    log(`${system.name}: drained in ${drainSeconds.toFixed(2)} s; probing latency`);

    await sleep(500);
    // On PostgreSQL, each probe is followed by one durable one-row INSERT + COMMIT on a connection of
    // its own (a side table in the system's database): the commit floor at the same minutes as the
    // probes, since this disk's flush time changes several-fold from minute to minute.
    const floorClient = system.database === undefined ? null : await floorConnection(config.url, system.database);
    const floors: number[] = [];
    const latencies: number[] = [];
    for (let i = 0; i < config.latencySamples; i += 1) {
      const startedAt = new Promise<number>((resolve) => {
        probe = resolve;
      });
      const t0 = performance.now();
      await system.enqueueOne({ i: -1, t0 });
      const at = await Promise.race([startedAt, sleep(10_000).then(() => Number.NaN)]);
      if (Number.isNaN(at)) throw new Error(`${system.name}: a latency probe did not start within 10 s.`);
      latencies.push(at - t0);
      if (floorClient !== null) {
        await sleep(2);
        const f0 = performance.now();
        await floorClient.query(FLOOR_INSERT);
        floors.push(performance.now() - f0);
      }
      await sleep(5);
    }
    await floorClient?.end();
    latencies.sort((a, b) => a - b);
    floors.sort((a, b) => a - b);
    const singleJobs = config.singleJobs;
    const bulkJobs = config.jobs - config.singleJobs;
    return {
      system: system.name,
      version: system.version,
      settings: system.settings,
      jobs: config.jobs,
      enqueueSinglePerSec: singleJobs > 0 ? round(singleJobs / singleSeconds) : null,
      enqueueBulkPerSec: bulkJobs > 0 ? round(bulkJobs / bulkSeconds) : null,
      drainPerSec: round(config.jobs / drainSeconds),
      drainSeconds: round(drainSeconds, 3),
      bulkNodeCpuSeconds: round(bulkNodeCpuSeconds, 2),
      drainNodeCpuSeconds: round(drainNodeCpuSeconds, 2),
      bulkDbCpuSeconds,
      drainDbCpuSeconds,
      bulkWalBytesPerJob,
      drainWalBytesPerJob,
      latencyP50Ms: latencies.length > 0 ? round(percentile(latencies, 0.5), 2) : null,
      latencyP99Ms: latencies.length > 0 ? round(percentile(latencies, 0.99), 2) : null,
      latencySamples: latencies.length,
      commitFloorP50Ms: floors.length > 0 ? round(percentile(floors, 0.5), 2) : null,
    };
  } finally {
    await system.stopWorker().catch(() => undefined);
    await system.teardown();
  }
}
