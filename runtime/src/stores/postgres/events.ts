import type { TaskEvent } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import { toTaskEvent } from './rows.js';

export async function events(db: PostgresDb, id: string, afterId = 0): Promise<TaskEvent[]> {
  const rows = await db.query(
    db.statement('events', (t) => `SELECT * FROM ${t.events} WHERE task_id = $1 AND id > $2 ORDER BY id`),
    [id, afterId],
  );
  return rows.map(toTaskEvent);
}
