import type { ReadyByName } from '../../store.js';
import type { SqliteDb } from './sqlite-db.js';

const SQL =
  "SELECT name, count(*) AS n, min(run_at) AS oldest FROM fleet_tasks WHERE state IN ('queued', 'retrying') AND run_at <= ? GROUP BY name ORDER BY name";

export function readyByName(db: SqliteDb): ReadyByName[] {
  const now = Date.now();
  return db
    .statement(SQL)
    .all(now)
    .map((row) => ({ name: String(row.name), ready: Number(row.n), oldestReadyAgeMs: Math.max(0, now - Number(row.oldest)) }));
}
