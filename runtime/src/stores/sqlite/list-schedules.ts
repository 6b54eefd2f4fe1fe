import type { ScheduleRecord } from '../../store.js';
import { toScheduleRecord } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

export function listSchedules(db: SqliteDb): ScheduleRecord[] {
  return db.statement('SELECT * FROM fleet_schedules ORDER BY name').all().map(toScheduleRecord);
}
