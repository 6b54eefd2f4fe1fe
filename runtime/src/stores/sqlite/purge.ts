import type { SqliteDb } from './sqlite-db.js';

const PURGE = "DELETE FROM fleet_tasks WHERE state IN ('done', 'failed', 'dead', 'cancelled') AND finished_at < ? RETURNING id";

/** Deletes finished tasks with their events and steps in one transaction; live rows are never touched. */
export function purge(db: SqliteDb, olderThan: Date): number {
  return db.write(() => {
    const ids = db
      .statement(PURGE)
      .all(olderThan.getTime())
      .map((row) => String(row.id));
    if (ids.length === 0) return 0;
    const json = JSON.stringify(ids);
    db.statement('DELETE FROM fleet_events WHERE task_id IN (SELECT value FROM json_each(?))').run(json);
    db.statement('DELETE FROM fleet_steps WHERE task_id IN (SELECT value FROM json_each(?))').run(json);
    return ids.length;
  });
}
