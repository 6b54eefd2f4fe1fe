import type { ScheduleRecord } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import { toScheduleRecord } from './rows.js';

export async function listSchedules(db: PostgresDb): Promise<ScheduleRecord[]> {
  const rows = await db.query(
    db.statement('list_schedules', (t) => `SELECT * FROM ${t.schedules} ORDER BY name`),
    [],
  );
  return rows.map(toScheduleRecord);
}
