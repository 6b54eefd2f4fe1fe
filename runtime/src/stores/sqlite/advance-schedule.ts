import type { ScheduleAdvance, ScheduleAdvanceResult } from '../../store.js';
import { insertTasks } from './insert-tasks.js';
import { INSERT_EVENT } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

// The compare-and-set: only the replica that still sees the `next_run_at` it read moves it on.
const CAS = `UPDATE fleet_schedules SET next_run_at = ?1, missed = missed + ?2, last_fired_at = ?3, updated_at = ?3
  WHERE name = ?4 AND next_run_at = ?5 RETURNING overlap, last_task_id`;
const ACTIVE = "SELECT 1 AS active FROM fleet_tasks WHERE id = ? AND state IN ('queued', 'running', 'retrying')";
// A previous run whose lease expired has no live worker (it crashed): it no longer blocks the slot.
// It is closed here instead of waiting for the reaper, which would requeue it to run beside the new slot.
const SUPERSEDE = `UPDATE fleet_tasks SET state = 'cancelled', lost_leases = lost_leases + 1, finished_at = ?1, updated_at = ?1,
    last_error = 'lease expired: the worker ' || coalesce(lease_owner, '?') || ' stopped heartbeating; superseded by the next slot of schedule ' || ?3,
    lease_owner = NULL, lease_token = NULL, lease_until = NULL
  WHERE id = ?2 AND state = 'running' AND lease_until < ?1 RETURNING attempts`;

/** CAS, overlap check and enqueue share one write transaction, so a won slot always fires or records its skip. */
export function advanceSchedule(db: SqliteDb, input: ScheduleAdvance): ScheduleAdvanceResult {
  const now = Date.now();
  const result = db.write((): ScheduleAdvanceResult => {
    const row = db.statement(CAS).get(input.newNextRunAt.getTime(), input.missed, now, input.name, input.expectedNextRunAt.getTime());
    if (row === undefined) return { won: false };
    const previous = row.last_task_id === null ? null : String(row.last_task_id);
    if (row.overlap === 'skip' && previous !== null) {
      const stale = db.statement(SUPERSEDE).get(now, previous, input.name);
      if (stale !== undefined) {
        const data = JSON.stringify({ supersededBySlot: input.expectedNextRunAt.toISOString() });
        db.statement(INSERT_EVENT).run(previous, null, 'lease-expired', now, Number(stale.attempts), data);
        db.statement(INSERT_EVENT).run(previous, null, 'cancelled', now, Number(stale.attempts), data);
      }
    }
    if (row.overlap === 'skip' && previous !== null && db.statement(ACTIVE).get(previous) !== undefined) {
      db.statement('UPDATE fleet_schedules SET skipped = skipped + 1 WHERE name = ?').run(input.name);
      const data = JSON.stringify({ slot: input.expectedNextRunAt.toISOString(), previousTaskId: previous });
      db.statement(INSERT_EVENT).run(null, input.name, 'skipped', now, null, data);
      return { won: true, fired: false, skippedBecause: `previous run ${previous} is still active` };
    }
    const [inserted] = insertTasks(db, [input.task], now);
    if (inserted === undefined) throw new Error(`fleet-runtime: schedule ${input.name} produced no task.`);
    db.statement('UPDATE fleet_schedules SET last_task_id = ? WHERE name = ?').run(inserted.id, input.name);
    return { won: true, fired: true, taskId: inserted.id };
  });
  if (result.won && result.fired) db.wake();
  return result;
}
