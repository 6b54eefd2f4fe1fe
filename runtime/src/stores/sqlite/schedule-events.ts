import type { TaskEvent } from '../../store.js';
import { toTaskEvent } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

export function scheduleEvents(db: SqliteDb, name: string): TaskEvent[] {
  return db.statement('SELECT * FROM fleet_events WHERE schedule = ? AND task_id IS NULL ORDER BY id').all(name).map(toTaskEvent);
}
