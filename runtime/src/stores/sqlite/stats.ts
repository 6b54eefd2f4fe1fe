import { TASK_STATES, type StatsOptions, type StoreStats, type TaskState } from '../../store.js';
import type { SqliteDb } from './sqlite-db.js';

// With declared names (?2, a JSON array), ready rows of other names are counted apart as undeclared.
const READY = `SELECT (?2 IS NULL OR name IN (SELECT value FROM json_each(?2))) AS declared, count(*) AS n, min(run_at) AS oldest
  FROM fleet_tasks WHERE state IN ('queued', 'retrying') AND run_at <= ?1 GROUP BY 1`;

export function stats(db: SqliteDb, options: StatsOptions = {}): StoreStats {
  const now = Date.now();
  const counts = Object.fromEntries(TASK_STATES.map((state) => [state, 0])) as Record<TaskState, number>;
  for (const row of db.statement('SELECT state, count(*) AS n FROM fleet_tasks GROUP BY state').all()) {
    counts[String(row.state) as TaskState] = Number(row.n);
  }
  let ready = 0;
  let oldestReadyAgeMs = 0;
  let undeclaredReady = 0;
  for (const row of db.statement(READY).all(now, options.names === undefined ? null : JSON.stringify(options.names))) {
    if (Number(row.declared) === 1) {
      ready = Number(row.n);
      oldestReadyAgeMs = row.oldest === null ? 0 : Math.max(0, now - Number(row.oldest));
    } else {
      undeclaredReady = Number(row.n);
    }
  }
  return { counts, ready, oldestReadyAgeMs, ...(options.names === undefined ? {} : { undeclaredReady }) };
}
