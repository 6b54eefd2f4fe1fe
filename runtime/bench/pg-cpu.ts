import { readFileSync } from 'node:fs';
import pg from 'pg';

/** CPU seconds used so far by each PostgreSQL backend (server process) connected to one database. */
export type BackendCpu = Map<number, number>;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processCpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing paren):
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, 12 and 13 after the paren.
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined; // not Linux, another user's process, or it exited
  }
}

/**
 * The CPU time of every backend connected to `database` (read from /proc, so only when the server
 * runs on this machine; an empty map otherwise). On a shared, loaded machine wall time says little;
 * the CPU the database spent per job is what a change to the SQL moves.
 */
export async function sampleBackendCpu(url: string, database: string): Promise<BackendCpu> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    const sample: BackendCpu = new Map();
    for (const { pid } of rows) {
      const seconds = processCpuSeconds(pid);
      if (seconds !== undefined) sample.set(pid, seconds);
    }
    return sample;
  } finally {
    await client.end();
  }
}

/**
 * The server's WAL insert position (bytes). WAL is server-wide: between two readings it also counts
 * whatever else the server wrote meanwhile, so per-job figures are an upper bound on a shared server.
 */
export async function walPosition(url: string): Promise<bigint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint::text AS bytes",
    );
    return BigInt(rows[0]?.bytes ?? '0');
  } finally {
    await client.end();
  }
}

/**
 * Backend CPU seconds spent between two samples (a backend that connected in between counts from
 * zero; one that exited in between is lost, which the pools here never do during a phase).
 * `null` when /proc gave nothing (the server is elsewhere).
 */
export function backendCpuBetween(before: BackendCpu, after: BackendCpu): number | null {
  if (after.size === 0) return null;
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return Number(total.toFixed(2));
}
