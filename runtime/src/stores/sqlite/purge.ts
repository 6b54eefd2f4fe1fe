import type { SqliteDb } from './sqlite-db.js';

const PURGE = "DELETE FROM fleet_tasks WHERE state IN ('done', 'failed', 'dead', 'cancelled') AND finished_at < ? RETURNING id, seq";

/** Deletes finished tasks with their events and steps in one transaction; live rows are never touched. */
export function purge(db: SqliteDb, olderThan: Date): number {
  return db.write(() => {
    const rows = db.statement(PURGE).all(olderThan.getTime());
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => String(row.id));
    const json = JSON.stringify(ids);
    // Events are keyed by the task's seq (migration 3).
    db.statement('DELETE FROM fleet_events WHERE task_seq IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(rows.map((row) => Number(row.seq))),
    );
    // Rows written without a seq by a process of the previous version (see events.ts).
    db.statement(
      'DELETE FROM fleet_events WHERE task_id IN (SELECT value FROM json_each(?)) AND task_id IS NOT NULL AND task_seq IS NULL',
    ).run(json);
    db.statement('DELETE FROM fleet_steps WHERE task_id IN (SELECT value FROM json_each(?))').run(json);
    return ids.length;
  });
}
