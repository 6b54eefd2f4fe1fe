import type { ScheduleDefinition } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';
import { jsonParam } from './rows.js';

const build = (t: Tables) => `INSERT INTO ${t.schedules} AS s (name, task_name, payload, cron, interval_ms, time_zone, overlap, next_run_at)
  VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)
  ON CONFLICT (name) DO UPDATE SET
    task_name = excluded.task_name, payload = excluded.payload, overlap = excluded.overlap, updated_at = now(),
    -- Only a change of timing moves the cadence; a replica restarting with the same definition keeps it.
    next_run_at = CASE WHEN s.cron IS NOT DISTINCT FROM excluded.cron AND s.interval_ms IS NOT DISTINCT FROM excluded.interval_ms
                            AND s.time_zone IS NOT DISTINCT FROM excluded.time_zone
                       THEN s.next_run_at ELSE excluded.next_run_at END,
    cron = excluded.cron, interval_ms = excluded.interval_ms, time_zone = excluded.time_zone`;

export async function upsertSchedule(db: PostgresDb, d: ScheduleDefinition): Promise<void> {
  await db.query(db.statement('upsert_schedule', build), [
    d.name,
    d.taskName,
    jsonParam(d.payload),
    d.cron,
    d.intervalMs,
    d.timeZone,
    d.overlap,
    d.nextRunAt,
  ]);
}
