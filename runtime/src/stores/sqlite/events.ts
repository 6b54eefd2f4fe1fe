import { DONE_EVENT_ID } from '../../store-records.js';
import type { TaskEvent } from '../../store.js';
import { toTaskEvent } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

// The `enqueued` event is not stored (issue 11): it is read from the task row, with id 0, before
// every stored event (see the PostgreSQL store's events.ts). A stored `enqueued` row, written before
// this change, is returned instead, never both.
// The `done` event is not stored either: it is read from the task row (`finished_at`, `attempts`)
// with id DONE_EVENT_ID, after every stored event; a stored `done` row, written before this change,
// is returned instead, never both (see the PostgreSQL store's events.ts).
// Stored events are found by the task's `seq` (migration 3); a row without one (written by a
// process still running the previous version) by its task id, through a partial index that stays
// empty otherwise.
const SQL = `SELECT * FROM (
    SELECT 0 AS id, t.id AS task_id, t.schedule, 'enqueued' AS type, t.created_at AS at, NULL AS attempt, NULL AS data
    FROM fleet_tasks t
    WHERE t.id = ?1 AND ?2 < 0
      AND NOT EXISTS (SELECT 1 FROM fleet_events e WHERE e.task_seq = t.seq AND e.type = 'enqueued')
      AND NOT EXISTS (SELECT 1 FROM fleet_events e WHERE e.task_id = ?1 AND e.task_id IS NOT NULL AND e.task_seq IS NULL AND e.type = 'enqueued')
    UNION ALL
    SELECT e.id, e.task_id, e.schedule, e.type, e.at, e.attempt, e.data
    FROM fleet_events e WHERE e.task_seq = (SELECT seq FROM fleet_tasks WHERE id = ?1) AND e.id > ?2
    UNION ALL
    SELECT e.id, e.task_id, e.schedule, e.type, e.at, e.attempt, e.data
    FROM fleet_events e WHERE e.task_id = ?1 AND e.task_id IS NOT NULL AND e.task_seq IS NULL AND e.id > ?2
    UNION ALL
    SELECT ${String(DONE_EVENT_ID)}, t.id, NULL, 'done', t.finished_at, t.attempts, NULL
    FROM fleet_tasks t
    WHERE t.id = ?1 AND t.state = 'done' AND ?2 < ${String(DONE_EVENT_ID)}
      AND NOT EXISTS (SELECT 1 FROM fleet_events e WHERE e.task_seq = t.seq AND e.type = 'done')
      AND NOT EXISTS (SELECT 1 FROM fleet_events e WHERE e.task_id = ?1 AND e.task_id IS NOT NULL AND e.task_seq IS NULL AND e.type = 'done')
  ) ORDER BY id`;

export function events(db: SqliteDb, id: string, afterId = -1): TaskEvent[] {
  return db.statement(SQL).all(id, afterId).map(toTaskEvent);
}
