import type { ReadyByName } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';

const build = (t: Tables) => `SELECT name, count(*) AS n, extract(epoch FROM now() - min(run_at)) * 1000 AS oldest_ms
  FROM ${t.tasks} WHERE state IN ('queued', 'retrying') AND run_at <= now() GROUP BY name ORDER BY name`;

export async function readyByName(db: PostgresDb): Promise<ReadyByName[]> {
  const rows = await db.query<{ name: string; n: string; oldest_ms: number }>(db.statement('ready_by_name', build), []);
  return rows.map((row) => ({ name: row.name, ready: Number(row.n), oldestReadyAgeMs: Math.max(0, Math.round(row.oldest_ms)) }));
}
