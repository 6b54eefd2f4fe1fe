import type { ScheduleRecord } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import { toScheduleRecord } from './rows.js';

export async function dueSchedules(db: PostgresDb, now: Date): Promise<ScheduleRecord[]> {
  const rows = await db.query(
    db.statement('due_schedules', (t) => `SELECT * FROM ${t.schedules} WHERE next_run_at <= $1 ORDER BY next_run_at`),
    [now],
  );
  return rows.map(toScheduleRecord);
}
