import { DONE_EVENT_ID } from '../../store-records.js';
import type { TaskEvent } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import { toTaskEvent } from './rows.js';

// The `enqueued` event is not stored (issue 11): it is read from the task row (created in the same
// transaction, so `at` is the enqueue's commit time and `schedule` the task's), with id 0, before
// every stored event. Tasks enqueued before this change still have a stored `enqueued` row; it is
// returned instead, never both. Purging a task removes its derived event with the row.
//
// The \`done\` event is not stored either (issue 11, fifth round): a task is \`done\` once and for
// good (nothing re-runs it), and its row keeps when (\`finished_at\`, the commit time the event row
// had) and at which attempt. It is returned with id DONE_EVENT_ID, after every stored event. A
// task that finished before this change keeps its stored \`done\` row, returned instead, never both.
//
// Stored events are found by the task's seq (migration 3): an 8-byte key that claims visit in
// increasing order, where the text id made a larger index written in its middle. A row without a
// seq (written by a process still running the previous version while another one migrated) is
// found by its task id through a partial index that stays empty otherwise.
const SQL = (t: { tasks: string; events: string }) => `WITH task AS (SELECT seq, id, schedule, created_at FROM ${t.tasks} WHERE id = $1)
  SELECT * FROM (
    SELECT 0::bigint AS id, t.id AS task_id, t.schedule, 'enqueued' AS type, t.created_at AS at, NULL::integer AS attempt, NULL::jsonb AS data
    FROM task t
    WHERE $2::bigint < 0
      AND NOT EXISTS (SELECT 1 FROM ${t.events} e WHERE e.task_seq = t.seq AND e.type = 'enqueued')
      AND NOT EXISTS (SELECT 1 FROM ${t.events} e WHERE e.task_id = $1 AND e.task_seq IS NULL AND e.type = 'enqueued')
    UNION ALL
    SELECT e.id, e.task_id, e.schedule, e.type, e.at, e.attempt, e.data FROM ${t.events} e
    WHERE e.task_seq = (SELECT seq FROM task) AND e.id > $2
    UNION ALL
    SELECT e.id, e.task_id, e.schedule, e.type, e.at, e.attempt, e.data FROM ${t.events} e
    WHERE e.task_id = $1 AND e.task_seq IS NULL AND e.id > $2
    UNION ALL
    SELECT ${String(DONE_EVENT_ID)}::bigint, t.id, NULL, 'done', t.finished_at, t.attempts, NULL::jsonb
    FROM ${t.tasks} t
    WHERE t.id = $1 AND t.state = 'done' AND $2::bigint < ${String(DONE_EVENT_ID)}
      AND NOT EXISTS (SELECT 1 FROM ${t.events} e WHERE e.task_seq = t.seq AND e.type = 'done')
      AND NOT EXISTS (SELECT 1 FROM ${t.events} e WHERE e.task_id = $1 AND e.task_seq IS NULL AND e.type = 'done')
  ) e ORDER BY id`;

/** Events of a task in order; `afterId` tails (the derived `enqueued` event has id 0, the derived `done` DONE_EVENT_ID). */
export async function events(db: PostgresDb, id: string, afterId = -1): Promise<TaskEvent[]> {
  const rows = await db.query(db.statement('events_by_seq_or_id', SQL), [id, afterId]);
  return rows.map(toTaskEvent);
}
