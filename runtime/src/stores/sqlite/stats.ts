import { TASK_STATES, type StoreStats, type TaskState } from '../../store.js';
import type { SqliteDb } from './sqlite-db.js';

export function stats(db: SqliteDb): StoreStats {
  const now = Date.now();
  const counts = Object.fromEntries(TASK_STATES.map((state) => [state, 0])) as Record<TaskState, number>;
  for (const row of db.statement('SELECT state, count(*) AS n FROM fleet_tasks GROUP BY state').all()) {
    counts[String(row.state) as TaskState] = Number(row.n);
  }
  const ready = db.statement("SELECT count(*) AS n, min(run_at) AS oldest FROM fleet_tasks WHERE state IN ('queued', 'retrying') AND run_at <= ?").get(now);
  const oldest = ready?.oldest;
  return { counts, ready: Number(ready?.n ?? 0), oldestReadyAgeMs: oldest === null || oldest === undefined ? 0 : Math.max(0, now - Number(oldest)) };
}
