import type { TaskRecord } from '../../store.js';
import { TASK_COLUMNS, toTaskRecord } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

export function get(db: SqliteDb, id: string): TaskRecord | null {
  const row = db.statement(`SELECT ${TASK_COLUMNS} FROM fleet_tasks WHERE id = ?`).get(id);
  return row === undefined ? null : toTaskRecord(row);
}
