import type { CommitFloor } from './commit-floor.js';
import type { RawResult } from './raw-ceiling.js';
import type { BenchConfig, SystemResult } from './system.js';

/** Everything one benchmark run produced. */
export interface BenchOutput {
  date: string;
  node: string;
  cpus: number;
  /** 1, 5, 15 min load averages at the end (other work on the machine skews every system). */
  load: number[];
  server: Record<string, string>;
  config: BenchConfig;
  results: SystemResult[];
  raw: RawResult[];
  /** One durable commit's latency on this server (null when no PostgreSQL system ran). */
  floor: CommitFloor | null;
}

const cell = (n: number | null) => (n === null ? '–' : n.toLocaleString('en-US'));
const ratio = (a: number, b: number | undefined) => (b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

const micros = (seconds: number, jobs: number) => Math.round((seconds * 1e6) / jobs).toLocaleString('en-US');
/** CPU per job: this process's and the database backends' (`–` where not measured). */
const perJob = (node: number | null | undefined, db: number | null | undefined, jobs: number) =>
  `${node === null || node === undefined ? '–' : micros(node, jobs)} + ${db === null || db === undefined ? '–' : micros(db, jobs)}`;

/** Jobs per CPU second of the process and the backends together (null when the backends' CPU is unknown). */
const perCpuSecond = (jobs: number, node: number | null | undefined, db: number | null | undefined): number | null =>
  node === null || node === undefined || db === null || db === undefined || node + db === 0 ? null : jobs / (node + db);

/** Ratio of two systems' jobs per CPU second over the same number of jobs. */
const cpuRatio = (jobs: number, aNode: number, aDb: number | null, bNode: number, bDb: number | null): string => {
  const a = perCpuSecond(jobs, aNode, aDb);
  const b = perCpuSecond(jobs, bNode, bDb);
  return a === null || b === null ? '–' : ratio(a, b);
};

/** The run as a Markdown summary: one row per system, ratios of fleet-runtime to each peer. */
export function report(output: BenchOutput): string {
  const { config } = output;
  const lines = [
    `${output.date} · Node ${output.node} · ${String(output.cpus)} CPUs (load ${output.load.join(' ')}) · PostgreSQL ${output.server.server_version ?? '?'} (synchronous_commit=${output.server.synchronous_commit ?? '?'}, fsync=${output.server.fsync ?? '?'})`,
    `${cell(config.jobs)} no-op jobs (${cell(config.singleJobs)} single + ${cell(config.jobs - config.singleJobs)} bulk in batches of ${cell(config.bulkBatch)}), concurrency ${String(config.concurrency)}, claim batch ${String(config.claimBatch)}, pool ${String(config.poolSize)}, ${String(config.latencySamples)} latency probes, median of ${String(config.rounds)} round(s); peers configured: ${config.peers === 'own' ? 'as their own performance tests' : 'matched to these settings'}`,
    '',
    '| system | version | enqueue single/s | enqueue bulk/s | drain jobs/s | p50 enqueue→start ms | p99 ms | durable commit p50 ms (between probes) | bulk CPU µs/job (node + db) | drain CPU µs/job (node + db) | WAL B/job (bulk, drain) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...output.results.map(
      (r) =>
        `| ${r.system} | ${r.version} | ${cell(r.enqueueSinglePerSec)} | ${cell(r.enqueueBulkPerSec)} | ${cell(r.drainPerSec)} | ${cell(r.latencyP50Ms)} | ${cell(r.latencyP99Ms)} | ${cell(r.commitFloorP50Ms)} | ${perJob(r.bulkNodeCpuSeconds, r.bulkDbCpuSeconds, r.jobs - config.singleJobs)} | ${perJob(r.drainNodeCpuSeconds, r.drainDbCpuSeconds, r.jobs)} | ${r.bulkWalBytesPerJob === null ? '–' : `${cell(r.bulkWalBytesPerJob)}, ${cell(r.drainWalBytesPerJob)}`} |`,
    ),
    ...output.raw.map(
      (r) =>
        `| ${r.system} (${String(r.loops)} conn × batch ${String(r.batch)}, ${r.claimCommit} claims) | – | – | – | ${cell(r.drainPerSec)} | – | – | – | – | ${perJob(r.drainNodeCpuSeconds, r.drainDbCpuSeconds ?? null, r.jobs)} | –, ${cell(r.drainWalBytesPerJob)} |`,
    ),
  ];
  const fleet = output.results.find((r) => r.system === 'fleet-runtime (postgres)');
  if (fleet !== undefined) {
    lines.push('', 'fleet-runtime (postgres) relative to:');
    for (const peer of output.results.filter((r) => r !== fleet && !r.system.startsWith('fleet-runtime'))) {
      lines.push(
        `- ${peer.system}: drain ${ratio(fleet.drainPerSec, peer.drainPerSec)}, single enqueue ${ratio(fleet.enqueueSinglePerSec ?? 0, peer.enqueueSinglePerSec ?? undefined)}, bulk enqueue ${ratio(fleet.enqueueBulkPerSec ?? 0, peer.enqueueBulkPerSec ?? undefined)}, p50 latency ${ratio(fleet.latencyP50Ms ?? 0, peer.latencyP50Ms ?? undefined)}; ` +
          `per CPU second: bulk enqueue ${cpuRatio(fleet.jobs - config.singleJobs, fleet.bulkNodeCpuSeconds, fleet.bulkDbCpuSeconds, peer.bulkNodeCpuSeconds, peer.bulkDbCpuSeconds)}, drain ${cpuRatio(fleet.jobs, fleet.drainNodeCpuSeconds, fleet.drainDbCpuSeconds, peer.drainNodeCpuSeconds, peer.drainDbCpuSeconds)}`,
      );
    }
    // On a shared machine the wall-clock rates move with everyone else's load; jobs per CPU second
    // (this process + the backends) move far less, so each drain ratio is given both ways.
    const fleetPerCpu = perCpuSecond(fleet.jobs, fleet.drainNodeCpuSeconds, fleet.drainDbCpuSeconds);
    for (const r of output.raw) {
      const rawPerCpu = perCpuSecond(r.jobs, r.drainNodeCpuSeconds, r.drainDbCpuSeconds);
      lines.push(
        `- raw loop, ${String(r.loops)} connection(s), ${r.claimCommit} claims: drain ${ratio(fleet.drainPerSec, r.drainPerSec)}; ` +
          `per CPU second ${fleetPerCpu === null || rawPerCpu === null ? '–' : `${ratio(fleetPerCpu, rawPerCpu)} (${cell(Math.round(fleetPerCpu))} vs ${cell(Math.round(rawPerCpu))} jobs)`}`,
      );
    }
  }
  const sqlite = output.results.find((r) => r.system === 'fleet-runtime (sqlite)');
  if (sqlite !== undefined && sqlite.drainNodeCpuSeconds > 0) {
    lines.push(
      '',
      `fleet-runtime (sqlite): drain ${cell(sqlite.drainPerSec)} jobs/s wall, ${cell(Math.round(sqlite.jobs / sqlite.drainNodeCpuSeconds))} jobs per CPU second of this process (SQLite runs in it).`,
    );
  }
  const { floor } = output;
  if (floor !== null) {
    lines.push(
      '',
      `PostgreSQL commit floor (${String(floor.samples)} probes each, 5 ms apart, one connection): round trip (SELECT 1) p50 ${String(floor.roundTripP50Ms)} ms; ` +
        `one-row INSERT, durable commit p50 ${String(floor.durableInsertP50Ms)} ms (p99 ${String(floor.durableInsertP99Ms)}); ` +
        `the same with synchronous_commit=off p50 ${String(floor.asyncInsertP50Ms)} ms. A durable enqueue cannot start its task sooner than the durable p50.`,
    );
  }
  return lines.join('\n');
}
