/**
 * The runtime benchmark (issue 4 §5): fleet-runtime, graphile-worker and pg-boss on the same local
 * PostgreSQL in one run, the raw SKIP LOCKED ceiling, the latency of one durable commit (the
 * floor of a durable enqueue), and fleet-runtime on SQLite.
 *
 *   node --experimental-transform-types --import ./runtime/bench/ts-loader.mjs runtime/bench/main.ts [--jobs 20000] [--rounds 3] [--ahead N] [--json out.json]
 *
 * Prints a Markdown table; `--json` also writes every number with the settings used.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSqliteStore } from '../src/stores/sqlite/index.js';
import { createPostgresStore } from '../src/stores/postgres/index.js';
import { dropDatabase, freshDatabase, serverFacts } from './database.js';
import { drive } from './drive.js';
import { fleetSystem, type FleetBackend } from './fleet.js';
import { graphileSystem } from './graphile.js';
import { pgBossSystem } from './pg-boss.js';
import { medianFloor, medianRaw, medianResults } from './median.js';
import { rawCeiling, type RawResult } from './raw-ceiling.js';
import { commitFloor, type CommitFloor } from './commit-floor.js';
import { report } from './report.js';
import type { BenchConfig, SystemResult } from './system.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '16' },
    batch: { type: 'string', default: '16' },
    ahead: { type: 'string' },
    pool: { type: 'string', default: '8' },
    samples: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '1' },
    url: { type: 'string', default: process.env.FLEET_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    only: { type: 'string' },
    peers: { type: 'string', default: 'own' },
    json: { type: 'string' },
  },
});
const int = (value: string | undefined, name: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: --${name} must be a positive integer, got ${String(value)}.`);
  return n;
};
const jobs = int(values.jobs, 'jobs');
const config: BenchConfig = {
  jobs,
  singleJobs: Math.min(2000, Math.floor(jobs / 10)),
  bulkBatch: 1000,
  concurrency: int(values.concurrency, 'concurrency'),
  claimBatch: int(values.batch, 'batch'),
  ...(values.ahead === undefined ? {} : { claimAhead: Number(values.ahead) }),
  poolSize: int(values.pool, 'pool'),
  latencySamples: int(values.samples, 'samples'),
  rounds: int(values.rounds, 'rounds'),
  url: values.url,
  peers: values.peers === 'matched' ? 'matched' : 'own',
};
if (values.peers !== 'own' && values.peers !== 'matched') throw new Error(`bench: --peers must be own or matched, got ${values.peers}.`);
const only = values.only?.split(',');
const log = (message: string) => process.stderr.write(`[runtime-bench] ${message}\n`);
const wanted = (name: string) => only === undefined || only.includes(name);

const facts = await serverFacts(config.url);
if (facts.synchronous_commit !== 'on' || facts.fsync !== 'on') {
  log(`warning: synchronous_commit=${String(facts.synchronous_commit)} fsync=${String(facts.fsync)}; the targets assume durable commits.`);
}
const FLEET_DB = 'fleet_bench_fleet';
const sqliteDir = mkdtempSync(join(tmpdir(), 'fleet-bench-'));
const fleetPostgres: FleetBackend = {
  name: 'fleet-runtime (postgres)',
  database: FLEET_DB,
  settings: { poolSize: config.poolSize, notify: true },
  open: async () => createPostgresStore({ url: await freshDatabase(config.url, FLEET_DB), poolSize: config.poolSize }),
  remove: () => dropDatabase(config.url, FLEET_DB),
};
const fleetSqlite: FleetBackend = {
  name: 'fleet-runtime (sqlite)',
  settings: { synchronous: 'NORMAL', journal: 'WAL' },
  // `remove` deletes the folder after each round; the next round's `open` makes it again.
  open: () => {
    mkdirSync(sqliteDir, { recursive: true });
    return createSqliteStore({ path: join(sqliteDir, `fleet-${String(Date.now())}.db`) });
  },
  remove: () => {
    rmSync(sqliteDir, { recursive: true, force: true });
    return Promise.resolve();
  },
};
const systems = [
  { id: 'fleet-postgres', make: () => fleetSystem(fleetPostgres, config) },
  { id: 'graphile-worker', make: () => graphileSystem(config) },
  { id: 'pg-boss', make: () => pgBossSystem(config) },
  { id: 'fleet-sqlite', make: () => fleetSystem(fleetSqlite, config) },
].filter((system) => wanted(system.id));
const matched = Math.max(1, Math.ceil(config.concurrency / config.claimBatch));
// Raw loops, each with durable claims and with asynchronously committed claims (fleet-runtime's
// default): `matched` connections (the worker's claims in flight: the same jobs in flight and batch),
// 4 (the best this 2-core box did in earlier runs) and the pool size (every connection the systems may use).
const rawLoops = wanted('raw')
  ? [...new Set([matched, 4, config.poolSize])].flatMap((loops) => (['durable', 'async'] as const).map((mode) => ({ loops, mode })))
  : [];

// Rounds rotate the order, so slow drift of a shared machine does not always hit the same system;
// the report shows each metric's median over the rounds.
const rounds: { results: SystemResult[]; raw: RawResult[]; floor: CommitFloor | null }[] = [];
for (let round = 0; round < config.rounds; round += 1) {
  log(`round ${String(round + 1)} of ${String(config.rounds)}`);
  const results: SystemResult[] = [];
  for (let k = 0; k < systems.length; k += 1) {
    const system = systems[(k + round) % systems.length];
    if (system !== undefined) results.push(await drive(system.make(), config, log));
  }
  const raw: RawResult[] = [];
  for (const { loops, mode } of rawLoops) raw.push(await rawCeiling(config, loops, mode));
  // The floor of a durable enqueue on this server, for the p50 enqueue→start of the PostgreSQL systems.
  const floor = wanted('fleet-postgres') || wanted('commit-floor') ? await commitFloor(config) : null;
  rounds.push({ results, raw, floor });
}
const results = medianResults(rounds.map((r) => r.results));
const raw = medianRaw(rounds.map((r) => r.raw));
const floor = medianFloor(rounds.map((r) => r.floor));
const output = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  load: loadavg().map((n) => Number(n.toFixed(1))),
  server: facts,
  config,
  results,
  raw,
  floor,
  rounds,
};
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(output, null, 2)}\n`);
process.stdout.write(`${report(output)}\n`);
