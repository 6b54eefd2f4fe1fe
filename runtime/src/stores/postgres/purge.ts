import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';

// One statement deletes finished tasks with their events and steps; live rows are never touched.
const build = (t: Tables) => `WITH gone AS (
    DELETE FROM ${t.tasks} WHERE state IN ('done', 'failed', 'dead', 'cancelled') AND finished_at < $1 RETURNING id, seq
  ), gone_events AS (
    -- Events are keyed by the task's seq (migration 3).
    DELETE FROM ${t.events} WHERE task_seq IN (SELECT seq FROM gone)
  ), gone_unkeyed_events AS (
    -- Rows written without a seq by a process of the previous version (see events.ts).
    DELETE FROM ${t.events} WHERE task_id IN (SELECT id FROM gone) AND task_seq IS NULL
  ), gone_steps AS (
    DELETE FROM ${t.steps} WHERE task_id IN (SELECT id FROM gone)
  )
  SELECT count(*) AS n FROM gone`;

export async function purge(db: PostgresDb, olderThan: Date): Promise<number> {
  const rows = await db.query<{ n: string }>(db.statement('purge', build), [olderThan]);
  return Number(rows[0]?.n ?? 0);
}
