import type { ScheduleRecord } from '../../store.js';
import { toScheduleRecord } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

export function dueSchedules(db: SqliteDb, now: Date): ScheduleRecord[] {
  return db.statement('SELECT * FROM fleet_schedules WHERE next_run_at <= ? ORDER BY next_run_at').all(now.getTime()).map(toScheduleRecord);
}
