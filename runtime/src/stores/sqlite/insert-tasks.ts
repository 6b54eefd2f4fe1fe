import type { EnqueueResult, NewTask } from '../../store.js';
import type { SqliteDb } from './sqlite-db.js';

const INSERT = `INSERT INTO fleet_tasks
  (id, name, payload, state, key, tenant, priority, run_at, max_attempts, max_lost_leases, schedule, created_at, updated_at)
  VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (name, key) WHERE key IS NOT NULL DO NOTHING`;

/**
 * Insert tasks inside the caller's write transaction. SQLite has no `xmax` to tell an insert from a
 * conflict, so `changes` says whether the row is new; on a key conflict the existing id is read back.
 */
export function insertTasks(db: SqliteDb, tasks: readonly NewTask[], now: number): EnqueueResult[] {
  const insert = db.statement(INSERT);
  const existing = db.statement('SELECT id FROM fleet_tasks WHERE name = ? AND key = ?');
  return tasks.map((task) => {
    const { changes } = insert.run(
      task.id,
      task.name,
      JSON.stringify(task.payload),
      task.key,
      task.tenant,
      task.priority,
      task.runAt.getTime(),
      task.maxAttempts,
      task.maxLostLeases,
      task.schedule,
      now,
      now,
    );
    // No `enqueued` event row: `events` derives it from the task row (see events.ts).
    if (Number(changes) === 1) return { id: task.id, created: true };
    const row = existing.get(task.name, task.key);
    if (row === undefined) throw new Error(`fleet-runtime: enqueue of ${task.name} conflicted but no existing task was found.`);
    return { id: String(row.id), created: false };
  });
}
