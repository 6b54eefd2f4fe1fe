import { TASK_STATES, type StatsOptions, type StoreStats, type TaskState } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';

// The ready count and oldest age read only the partial ready index; the per-state counts scan.
// With declared names ($1), ready rows of other names are counted apart as 'undeclared'.
const build = (t: Tables) => `SELECT state, count(*) AS n, NULL::float8 AS oldest_ms FROM ${t.tasks} GROUP BY state
  UNION ALL
  SELECT CASE WHEN $1::text[] IS NULL OR name = ANY($1::text[]) THEN 'ready' ELSE 'undeclared' END, count(*), extract(epoch FROM now() - min(run_at)) * 1000
  FROM ${t.tasks} WHERE state IN ('queued', 'retrying') AND run_at <= now() GROUP BY 1`;

export async function stats(db: PostgresDb, options: StatsOptions = {}): Promise<StoreStats> {
  const rows = await db.query<{ state: string; n: string; oldest_ms: number | null }>(db.statement('stats', build), [
    options.names ?? null,
  ]);
  const counts = Object.fromEntries(TASK_STATES.map((state) => [state, 0])) as Record<TaskState, number>;
  let ready = 0;
  let oldestReadyAgeMs = 0;
  let undeclaredReady = 0;
  for (const row of rows) {
    if (row.state === 'ready') {
      ready = Number(row.n);
      oldestReadyAgeMs = row.oldest_ms === null ? 0 : Math.max(0, Math.round(row.oldest_ms));
    } else if (row.state === 'undeclared') {
      undeclaredReady = Number(row.n);
    } else {
      counts[row.state as TaskState] = Number(row.n);
    }
  }
  return { counts, ready, oldestReadyAgeMs, ...(options.names === undefined ? {} : { undeclaredReady }) };
}
