import type { SqliteDb } from './sqlite-db.js';

/** One event row to append: task id, type, attempt, JSON data text (or null), the task's seq. */
export type EventRow = [taskId: string, type: string, attempt: number | null, data: string | null, taskSeq: number];

// One statement for a whole batch: the rows travel as one JSON array, so a 100-task claim or
// completion appends its events with one statement execution instead of a hundred.
// `task_seq` is how `events` finds a task's events (migration 3); the callers have it from the
// statement that changed the task.
const INSERT = `INSERT INTO fleet_events (task_id, task_seq, schedule, type, at, attempt, data)
  SELECT value ->> 0, value ->> 4, NULL, value ->> 1, ?, value ->> 2, value ->> 3 FROM json_each(?)`;

/** Append task events inside the caller's write transaction. */
export function insertEvents(db: SqliteDb, rows: readonly EventRow[], now: number): void {
  if (rows.length > 0) db.statement(INSERT).run(now, JSON.stringify(rows));
}
