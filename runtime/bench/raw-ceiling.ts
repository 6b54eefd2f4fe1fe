import pg from 'pg';
import { dropDatabase, freshDatabase } from './database.js';
import { percentile } from './drive.js';
import { backendCpuBetween, sampleBackendCpu, walPosition } from './pg-cpu.js';
import type { BenchConfig } from './system.js';

const DB = 'fleet_bench_raw';

/** What the bare loop measured. */
export interface RawResult {
  system: 'raw SKIP LOCKED loop';
  loops: number;
  batch: number;
  /** `durable`: the claim waits for its WAL flush; `async`: as fleet-runtime's default claim (see its `claim.ts`). */
  claimCommit: ClaimCommit;
  jobs: number;
  drainPerSec: number;
  cycleP50Ms: number;
  cycleP99Ms: number;
  /** CPU seconds of its PostgreSQL backends during the drain (null: remote server). */
  drainDbCpuSeconds: number | null;
  /** CPU seconds of this Node.js process during the drain (the loop's client side). */
  drainNodeCpuSeconds: number;
  /** WAL per job during the drain (server-wide, an upper bound). */
  drainWalBytesPerJob: number;
}

/** How the raw loop commits its claims; completions are always durable. */
export type ClaimCommit = 'durable' | 'async';

/**
 * The ceiling of this machine: the least work any PostgreSQL queue must do per job. A minimal
 * table, then `loops` connections each repeat "claim `batch` rows with one CTE + FOR UPDATE SKIP
 * LOCKED + UPDATE, then mark them done with one UPDATE … = ANY" until the table is drained. No
 * events, no leases, no JSON: anything a real runtime adds is measured against this. With
 * `claimCommit: 'async'` the claim commits without waiting for its WAL flush, as fleet-runtime's
 * claims do by default, so the loop stays the floor of the same durability choices.
 */
export async function rawCeiling(config: BenchConfig, loops: number, claimCommit: ClaimCommit): Promise<RawResult> {
  const url = await freshDatabase(config.url, DB);
  const pool = new pg.Pool({ connectionString: url, max: loops });
  // An idle connection that dies emits 'error' on the pool; unhandled it would kill the whole run.
  pool.on('error', (error) => {
    process.stderr.write(`[runtime-bench] raw loop: idle connection failed (${error.message})\n`);
  });
  try {
    await pool.query(`CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, state smallint NOT NULL DEFAULT 0,
      run_at timestamptz NOT NULL DEFAULT now(), owner text, payload jsonb NOT NULL)`);
    await pool.query('CREATE INDEX jobs_ready ON jobs (run_at, id) WHERE state = 0');
    await pool.query(`INSERT INTO jobs (payload) SELECT jsonb_build_object('i', g) FROM generate_series(1, $1) g`, [config.jobs]);
    await pool.query('VACUUM ANALYZE jobs');
    const claim = {
      name: `raw_claim_${claimCommit}`,
      text: `WITH ready AS (SELECT id FROM jobs WHERE state = 0 AND run_at <= now()${claimCommit === 'async' ? " AND (SELECT set_config('synchronous_commit', 'off', true)) = 'off'" : ''}
        ORDER BY run_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        UPDATE jobs j SET state = 1, owner = $2 FROM ready WHERE j.id = ready.id RETURNING j.id, j.payload`,
    };
    const complete = { name: 'raw_complete', text: 'UPDATE jobs SET state = 2 WHERE id = ANY($1::bigint[]) AND owner = $2' };
    const cycles: number[] = [];
    let done = 0;
    // Open every connection first, so the CPU sample below sees all backends of the drain.
    await Promise.all(Array.from({ length: loops }, () => pool.query('SELECT 1')));
    const cpuBefore = await sampleBackendCpu(config.url, DB);
    const walBefore = await walPosition(config.url);
    const nodeBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: loops }, async (_, loop) => {
        const owner = `raw-${String(loop)}`;
        for (;;) {
          const cycleStarted = performance.now();
          const { rows } = await pool.query<{ id: string }>({ ...claim, values: [config.claimBatch, owner] });
          if (rows.length === 0) return;
          await pool.query({ ...complete, values: [rows.map((row) => row.id), owner] });
          done += rows.length;
          cycles.push(performance.now() - cycleStarted);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const nodeUsage = process.cpuUsage(nodeBefore);
    const drainDbCpuSeconds = backendCpuBetween(cpuBefore, await sampleBackendCpu(config.url, DB));
    const drainWalBytesPerJob = Math.round(Number((await walPosition(config.url)) - walBefore) / config.jobs);
    if (done !== config.jobs) throw new Error(`raw loop drained ${String(done)} of ${String(config.jobs)} jobs.`);
    cycles.sort((a, b) => a - b);
    return {
      system: 'raw SKIP LOCKED loop',
      loops,
      batch: config.claimBatch,
      claimCommit,
      jobs: config.jobs,
      drainPerSec: Math.round(config.jobs / seconds),
      cycleP50Ms: Number(percentile(cycles, 0.5).toFixed(2)),
      cycleP99Ms: Number(percentile(cycles, 0.99).toFixed(2)),
      drainDbCpuSeconds,
      drainNodeCpuSeconds: Number(((nodeUsage.user + nodeUsage.system) / 1e6).toFixed(3)),
      drainWalBytesPerJob,
    };
  } finally {
    await pool.end();
    await dropDatabase(config.url, DB);
  }
}
