import type { TaskEvent } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import { toTaskEvent } from './rows.js';

export async function scheduleEvents(db: PostgresDb, name: string): Promise<TaskEvent[]> {
  const rows = await db.query(
    db.statement('schedule_events', (t) => `SELECT * FROM ${t.events} WHERE schedule = $1 AND task_id IS NULL ORDER BY id`),
    [name],
  );
  return rows.map(toTaskEvent);
}
