import type { ScheduleDefinition } from '../../store.js';
import type { SqliteDb } from './sqlite-db.js';

const INSERT = `INSERT INTO fleet_schedules (name, task_name, payload, cron, interval_ms, time_zone, overlap, next_run_at, created_at, updated_at)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
  ON CONFLICT (name) DO UPDATE SET
    task_name = excluded.task_name, payload = excluded.payload, overlap = excluded.overlap, updated_at = excluded.updated_at,
    -- Only a change of timing moves the cadence; a replica restarting with the same definition keeps it.
    next_run_at = CASE WHEN cron IS excluded.cron AND interval_ms IS excluded.interval_ms AND time_zone IS excluded.time_zone
                       THEN next_run_at ELSE excluded.next_run_at END,
    cron = excluded.cron, interval_ms = excluded.interval_ms, time_zone = excluded.time_zone`;

export function upsertSchedule(db: SqliteDb, d: ScheduleDefinition): void {
  db.write(() => {
    db.statement(INSERT).run(
      d.name,
      d.taskName,
      JSON.stringify(d.payload),
      d.cron,
      d.intervalMs,
      d.timeZone,
      d.overlap,
      d.nextRunAt.getTime(),
      Date.now(),
    );
  });
}
