import type { ScheduleAdvance, ScheduleAdvanceResult } from '../../store.js';
import { insertTasks } from './insert-tasks.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';

// The compare-and-set. The UPDATE locks the schedule row until COMMIT; a racing replica's UPDATE
// waits on that lock, then re-reads the row, sees the new `next_run_at` and matches nothing. So
// exactly one replica wins each slot, with no leader.
const cas = (t: Tables) => `UPDATE ${t.schedules} SET next_run_at = $1, missed = missed + $2, last_fired_at = now(), updated_at = now()
  WHERE name = $3 AND next_run_at = $4 RETURNING overlap, last_task_id`;
const active = (t: Tables) => `SELECT 1 FROM ${t.tasks} WHERE id = $1 AND state IN ('queued', 'running', 'retrying')`;
// A previous run whose lease expired has no live worker (it crashed): it no longer blocks the slot.
// It is closed here instead of waiting for the reaper, which would requeue it to run beside the new
// slot. The UPDATE locks the row, so a late heartbeat of a stalled holder waits and then finds no lease.
const supersede = (t: Tables) => `WITH superseded AS (
    UPDATE ${t.tasks} SET state = 'cancelled', lost_leases = lost_leases + 1, finished_at = now(), updated_at = now(),
      last_error = 'lease expired: the worker ' || coalesce(lease_owner, '?') || ' stopped heartbeating; superseded by the next slot of schedule ' || $2,
      lease_owner = NULL, lease_token = NULL, lease_until = NULL
    WHERE id = $1 AND state = 'running' AND lease_until < now() RETURNING id, attempts, seq
  )
  INSERT INTO ${t.events} (task_id, task_seq, type, attempt, data)
  SELECT id, seq, 'lease-expired', attempts, $3::jsonb FROM superseded UNION ALL SELECT id, seq, 'cancelled', attempts, $3::jsonb FROM superseded`;
const skip = (t: Tables) => `WITH counted AS (UPDATE ${t.schedules} SET skipped = skipped + 1 WHERE name = $1)
  INSERT INTO ${t.events} (schedule, type, data) VALUES ($1, 'skipped', $2::jsonb)`;
const fired = (t: Tables) => `UPDATE ${t.schedules} SET last_task_id = $1 WHERE name = $2`;

/** CAS, overlap check and enqueue share one transaction, so a won slot always fires or records its skip. */
export async function advanceSchedule(db: PostgresDb, input: ScheduleAdvance): Promise<ScheduleAdvanceResult> {
  return db.transaction(`advancing schedule ${input.name}`, async (client): Promise<ScheduleAdvanceResult> => {
    const won = await db.query<{ overlap: string; last_task_id: string | null }>(
      db.statement('schedule_cas', cas),
      [input.newNextRunAt, input.missed, input.name, input.expectedNextRunAt],
      client,
    );
    const row = won[0];
    if (row === undefined) return { won: false };
    const previous = row.last_task_id;
    if (row.overlap === 'skip' && previous !== null) {
      await db.query(
        db.statement('schedule_supersede', supersede),
        [previous, input.name, JSON.stringify({ supersededBySlot: input.expectedNextRunAt.toISOString() })],
        client,
      );
    }
    if (
      row.overlap === 'skip' &&
      previous !== null &&
      (await db.query(db.statement('schedule_active', active), [previous], client)).length > 0
    ) {
      const data = JSON.stringify({ slot: input.expectedNextRunAt.toISOString(), previousTaskId: previous });
      await db.query(db.statement('schedule_skip', skip), [input.name, data], client);
      return { won: true, fired: false, skippedBecause: `previous run ${previous} is still active` };
    }
    const [inserted] = await insertTasks(db, [input.task], client);
    if (inserted === undefined) throw new Error(`fleet-runtime: schedule ${input.name} produced no task.`);
    await db.query(db.statement('schedule_fired', fired), [inserted.id, input.name], client);
    return { won: true, fired: true, taskId: inserted.id };
  });
}
