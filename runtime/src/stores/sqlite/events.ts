import type { TaskEvent } from '../../store.js';
import { toTaskEvent } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

export function events(db: SqliteDb, id: string, afterId = 0): TaskEvent[] {
  return db.statement('SELECT * FROM fleet_events WHERE task_id = ? AND id > ? ORDER BY id').all(id, afterId).map(toTaskEvent);
}
